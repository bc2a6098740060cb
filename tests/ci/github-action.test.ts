import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BROKEN_CARD, CLEAN_CARD, FIXABLE_CARD, git, pullRequestRepository } from "./fixture-repository.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(`${ROOT}action.yml`, "utf8")) as Action;

/**
 * Runs one `run:` step of the action as GitHub does (bash -eo pipefail, in the workspace), with the expressions of
 * its `env:` filled from `context`: `${{ inputs.X }}` (or the input's default), `${{ github.event.… }}` and
 * `${{ steps.lint.outputs.X }}`.
 */
function runStep(step: Step, workspace: string, context: Record<string, string>) {
  const output = join(mkdtempSync(join(tmpdir(), "modelcard-gh-")), "output");
  writeFileSync(output, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    GITHUB_ACTION_PATH: ROOT,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: mkdtempSync(join(tmpdir(), "modelcard-runner-")),
  };
  for (const [name, value] of Object.entries(step.env ?? {})) {
    env[name] = value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, path: string) => {
      if (path in context) return context[path] as string;
      if (path.startsWith("inputs.")) return action.inputs[path.slice("inputs.".length)]?.default ?? "";
      return "";
    });
  }
  const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run ?? ""], {
    cwd: workspace,
    env,
    encoding: "utf8",
  });
  const outputs = Object.fromEntries(
    readFileSync(output, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs };
}

const step = (name: string) => {
  const found = action.runs.steps.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`action.yml has no step "${name}"`);
  return found;
};

/** The lint step, then the step that fails the job, as the runner chains them. */
function lintAndFail(workspace: string, context: Record<string, string>) {
  const lint = runStep(step("Lint model cards"), workspace, context);
  const fail = runStep(step("Fail on errors"), workspace, {
    ...context,
    "steps.lint.outputs.exit-code": lint.outputs["exit-code"] ?? "",
  });
  return { lint, jobFails: fail.status !== 0, failStatus: fail.status };
}

describe("action.yml", () => {
  beforeAll(() => {
    // The action runs bin/modelcard.js over the built dist, as `npm ci` (its install step) leaves it.
    if (!existsSync(`${ROOT}dist/bundle/cli.js`)) throw new Error("run `npm run build` (or `npm ci`) first");
  });

  it("is a composite action with the documented inputs, installing from its own checkout", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(["paths", "fix", "sarif", "config"]);
    expect(step("Install modelcard").run).toContain('npm ci --prefix "$GITHUB_ACTION_PATH"');
    expect(step("Upload SARIF to code scanning").uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    // No expression is pasted into a script: inputs reach the shell only through the environment.
    for (const candidate of action.runs.steps) expect(candidate.run ?? "").not.toContain("${{");
  });

  it("annotates the cards a pull request changes and fails the job on errors", () => {
    const { root, baseSha } = pullRequestRepository(
      { "README.md": CLEAN_CARD, "models/old/README.md": BROKEN_CARD },
      { "models/new/README.md": BROKEN_CARD, "models/tidy/README.md": FIXABLE_CARD, "docs/notes.md": "# Notes\n" },
    );
    const { lint, jobFails, failStatus } = lintAndFail(root, { "github.event.pull_request.base.sha": baseSha });
    expect(lint.status).toBe(0);
    expect(lint.stdout).toContain(
      "::error file=models/new/README.md,line=3,col=10,endLine=3,endColumn=23,title=license::",
    );
    expect(lint.stdout).toContain(
      "::warning file=models/tidy/README.md,line=3,col=14,endLine=3,endColumn=15,title=tab-indentation::",
    );
    // Cards the pull request does not touch, and files that are not cards, are left alone.
    expect(lint.stdout).not.toContain("models/old/README.md");
    expect(lint.stdout).not.toContain("docs/notes.md");
    expect(lint.stdout).toMatch(
      /modelcard lint: \d+ problems \(1 error, \d+ warnings\) in 2 cards checked, 1 with errors\.\n$/,
    );
    expect(lint.outputs["exit-code"]).toBe("1");
    expect(jobFails).toBe(true);
    expect(failStatus).toBe(1);
  });

  it("fetches the base commit a shallow checkout (actions/checkout's default) lacks", () => {
    const { root, baseSha } = pullRequestRepository(
      { "README.md": CLEAN_CARD },
      { "models/new/README.md": BROKEN_CARD },
    );
    const shallow = mkdtempSync(join(tmpdir(), "modelcard-shallow-"));
    git(shallow, "clone", "--quiet", "--depth=1", "--no-local", `file://${root}`, ".");
    expect(() => git(shallow, "cat-file", "-e", `${baseSha}^{commit}`)).toThrow();
    const { lint, jobFails } = lintAndFail(shallow, { "github.event.pull_request.base.sha": baseSha });
    expect(lint.stdout).toContain("::error file=models/new/README.md,line=3,col=10");
    expect(lint.stdout).toContain("in 1 card checked, 1 with errors.");
    expect(jobFails).toBe(true);
  });

  it("passes a pull request that changes no card, and one whose cards are clean", () => {
    const none = pullRequestRepository({ "README.md": BROKEN_CARD }, { "docs/notes.md": "# Notes\n" });
    const quiet = lintAndFail(none.root, { "github.event.pull_request.base.sha": none.baseSha });
    expect(quiet.lint.stdout).toBe("modelcard lint: this pull request changes no README.md.\n");
    expect(quiet.jobFails).toBe(false);
    const clean = pullRequestRepository({ "README.md": BROKEN_CARD }, { "models/a/README.md": CLEAN_CARD });
    const passed = lintAndFail(clean.root, { "github.event.pull_request.base.sha": clean.baseSha });
    expect(passed.lint.stdout).toBe("modelcard lint: 1 card checked, no problems.\n");
    expect(passed.jobFails).toBe(false);
  });

  it("lints the given globs, writes SARIF when asked, and fixes in the workspace with fix: true", () => {
    const { root } = pullRequestRepository(
      {},
      {
        "models/a/README.md": FIXABLE_CARD,
        "models/deep/b/README.md": BROKEN_CARD,
        "README.md": BROKEN_CARD,
      },
    );
    const context = {
      "inputs.paths": "models/**/README.md\nmissing-*.md",
      "inputs.sarif": "true",
      "inputs.fix": "true",
    };
    const { lint, jobFails } = lintAndFail(root, context);
    expect(lint.stdout).not.toContain("file=README.md");
    expect(lint.stdout).toContain("::error file=models/deep/b/README.md,line=3,col=10");
    // Fixed: the tabs are gone from both cards, the unknown license is left for a person.
    expect(readFileSync(join(root, "models/a/README.md"), "utf8")).toBe(FIXABLE_CARD.replace("\t", " "));
    expect(readFileSync(join(root, "models/deep/b/README.md"), "utf8")).toBe(BROKEN_CARD.replace("\t", " "));
    expect(lint.stdout).not.toContain("tab-indentation");
    expect(jobFails).toBe(true);
    const sarif = JSON.parse(readFileSync(lint.outputs["sarif-file"] as string, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    const uris = sarif.runs[0].results.map(
      (result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        result.locations[0]?.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toContain("models/deep/b/README.md");
  });

  it("lints the whole repository outside a pull request", () => {
    const { root } = pullRequestRepository({ "README.md": CLEAN_CARD }, { "models/x/README.md": BROKEN_CARD });
    const { lint, jobFails } = lintAndFail(root, {});
    expect(lint.stdout).toContain("::error file=models/x/README.md");
    expect(lint.stdout).toContain("in 2 cards checked, 1 with errors.");
    expect(jobFails).toBe(true);
  });
});
