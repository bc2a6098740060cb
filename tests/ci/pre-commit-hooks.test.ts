import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BROKEN_CARD, CLEAN_CARD, FIXABLE_CARD, pullRequestRepository } from "./fixture-repository.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MANIFEST = `${ROOT}.pre-commit-hooks.yaml`;

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
}
const hooks = parse(readFileSync(MANIFEST, "utf8")) as Hook[];
const hook = (id: string) => hooks.find((candidate) => candidate.id === id) as Hook;
const packageBins = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { bin: Record<string, string> }).bin;

/** Every file of the repository, relative to it, as pre-commit lists staged files. */
function filesOf(root: string, folder = root): string[] {
  return readdirSync(folder).flatMap((name) => {
    if (name === ".git") return [];
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesOf(root, path) : [relative(root, path)];
  });
}

/**
 * What pre-commit does with a hook: picks the files its `files` pattern matches and runs its `entry` with its `args`
 * and those files, in the repository. The entry's command is the package's bin, as `language: node` installs it.
 */
function runHook(id: string, root: string) {
  const { entry, files, args = [] } = hook(id);
  const [command, ...entryArgs] = entry.split(" ");
  const bin = packageBins[command as string];
  if (!bin) throw new Error(`the hook's entry runs ${command}, which package.json does not install`);
  const selected = filesOf(root)
    .filter((file) => new RegExp(files).test(file))
    .sort();
  const run = spawnSync(process.execPath, [`${ROOT}${bin}`, ...entryArgs, ...args, ...selected], {
    cwd: root,
    encoding: "utf8",
  });
  return { status: run.status, output: run.stdout + run.stderr, selected };
}

const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;

describe(".pre-commit-hooks.yaml", () => {
  // On CI the tool is installed (.ci/run): there, a missing pre-commit fails this test instead of skipping it.
  it.runIf(hasPreCommit || process.env.CI === "true")("validates with pre-commit validate-manifest", () => {
    const run = spawnSync("pre-commit", ["validate-manifest", MANIFEST], { encoding: "utf8" });
    expect(run.error, "pre-commit is not installed (apt-get install pre-commit)").toBeUndefined();
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("can be installed by pre-commit 3.0.4, which reads the tarball's name from npm pack's output", () => {
    // With the prepare build's output on stdout (npm pack's default), that name is wrong and the install fails.
    expect(readFileSync(`${ROOT}.npmrc`, "utf8")).toMatch(/^foreground-scripts=false$/m);
    expect(JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")).scripts.prepare).toBe("npm run build");
  });

  it("declares modelcard-lint and modelcard-fix as node hooks over README.md files", () => {
    expect(hooks.map((candidate) => [candidate.id, candidate.language])).toEqual([
      ["modelcard-lint", "node"],
      ["modelcard-fix", "node"],
    ]);
  });

  it("modelcard-lint checks the README.md files only and fails on errors", () => {
    const { root } = pullRequestRepository(
      {},
      { "README.md": CLEAN_CARD, "models/a/README.md": BROKEN_CARD, "docs/guide.md": BROKEN_CARD, "notes.txt": "x" },
    );
    const run = runHook("modelcard-lint", root);
    expect(run.selected).toEqual(["README.md", "models/a/README.md"]);
    expect(run.status).toBe(1);
    expect(run.output).toContain('models/a/README.md\n  3:10  error  License "not-a-license" is not known');
    expect(run.output).not.toContain("docs/guide.md");
    expect(readFileSync(join(root, "models/a/README.md"), "utf8")).toBe(BROKEN_CARD);

    const clean = pullRequestRepository({}, { "README.md": CLEAN_CARD, "docs/guide.md": BROKEN_CARD });
    const passed = runHook("modelcard-lint", clean.root);
    expect(passed.status).toBe(0);
    expect(passed.output).toContain("1 card checked, no problems");
  });

  it("modelcard-lint checks the .eval_results/*.yaml scores beside a card too", () => {
    const { root } = pullRequestRepository(
      {},
      {
        "README.md": CLEAN_CARD,
        ".eval_results/gpqa.yaml": "- dataset:\n    id: Idavidrein/gpqa\n    task_id: gpqa_diamond\n",
        ".eval_results/notes.txt": "x",
      },
    );
    const run = runHook("modelcard-lint", root);
    expect(run.selected).toEqual([".eval_results/gpqa.yaml", "README.md"]);
    expect(run.status).toBe(1);
    expect(run.output).toContain(".eval_results/gpqa.yaml\n");
    expect(run.output).toContain("eval-results-required");
  });

  it("modelcard-fix rewrites what it can fix, leaving comments, and fails on what it cannot", () => {
    const { root } = pullRequestRepository({}, { "README.md": FIXABLE_CARD, "models/a/README.md": BROKEN_CARD });
    const run = runHook("modelcard-fix", root);
    expect(readFileSync(join(root, "README.md"), "utf8")).toBe(FIXABLE_CARD.replace("\t", " "));
    expect(readFileSync(join(root, "models/a/README.md"), "utf8")).toBe(BROKEN_CARD.replace("\t", " "));
    expect(run.output).toContain("2 fixes applied.");
    expect(run.status).toBe(1);

    const fixable = pullRequestRepository({}, { "README.md": FIXABLE_CARD });
    // Exit 0: pre-commit itself fails the commit because the hook changed a file, and the user stages the fix.
    expect(runHook("modelcard-fix", fixable.root).status).toBe(0);
    expect(readFileSync(join(fixable.root, "README.md"), "utf8")).toBe(FIXABLE_CARD.replace("\t", " "));
  });
});
