import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyRunFolder } from "../support/example-run.js";
import { CORPUS } from "../support/shared.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

/** Paths of a checkout that a build does not need, or that it writes. */
const NOT_COPIED = new Set(["node_modules", "dist", ".git", ".scratch", ".bench-tmp", "coverage"]);

let work: string;
let project: string;
let consumer: string;
let tarball: string;

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** The TypeScript blocks of the README's "Use as a library" section, in order. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("## Use as a library");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}

/**
 * The package as users install it: the project is copied and built apart from the checkout's own dist/ (which
 * other tests run at the same time), packed with `npm pack`, and installed into an empty folder outside the
 * project, with only its declared dependencies, so that nothing resolves from the project's node_modules.
 */
describe("the packed package", () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "modelcard-package-"));
    project = join(work, "project");
    cpSync(ROOT, project, {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(source.slice(ROOT.length).split("/")[0] ?? ""),
    });
    symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"), "dir");
    run(NPM, ["run", "build"], project);
    const packed = JSON.parse(run(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], project));
    tarball = join(work, packed[0].filename);
    consumer = join(work, "consumer");
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    run(NPM, ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], consumer);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("ships the code once, its declarations in one file, and no source maps", () => {
    const files: string[] = JSON.parse(
      run(NPM, ["pack", "--dry-run", "--json", "--ignore-scripts"], project),
    )[0].files.map((file: { path: string }) => file.path);
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    expect(files.filter((file) => file.startsWith("dist/") && !file.startsWith("dist/bundle/"))).toEqual([
      "dist/modelcard.d.ts",
    ]);
    expect(files).toContain("dist/bundle/index.js");
    expect(files).toContain("dist/bundle/cli.js");
    expect(files).toContain("dist/bundle/lint-worker.js");
    expect(files.some((file) => file.startsWith("src/") || file.startsWith("tests/"))).toBe(false);
  });

  it("keeps its public API as the report under version control says (npm run api-report rewrites it)", () => {
    const config = ExtractorConfig.loadFileAndPrepare(join(project, "api-extractor.json"));
    const errors: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: false,
      messageCallback: (message) => {
        message.handled = true;
        if (message.logLevel === "error") errors.push(message.text);
      },
    });
    expect(
      result.apiReportChanged,
      "the public API changed: run `npm run api-report` and commit etc/modelcard.api.md",
    ).toBe(false);
    // ae-forgotten-export: a type that a public function takes or returns is not exported.
    expect(errors).toEqual([]);
  });

  it("lists every export in the README", () => {
    const report = readFileSync(join(ROOT, "etc/modelcard.api.md"), "utf8");
    const exported = [
      ...report.matchAll(/^export (?:declare )?(?:abstract )?(?:class|function|const|type|interface|enum) (\w+)/gm),
    ].map((match) => match[1] as string);
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("### The public API");
    const list = readme.slice(start, readme.indexOf("\n### ", start + 1));
    const listed = [...list.matchAll(/`([A-Za-z_]\w*)(?:\([^`]*\))?`/g)].map((match) => match[1] as string);
    expect(new Set(exported).size).toBeGreaterThan(40);
    expect(exported.filter((name) => !listed.includes(name))).toEqual([]);
  });

  it("imports in plain Node as an ES module and makes a verified edit", () => {
    writeFileSync(
      join(consumer, "edit.mjs"),
      [
        'import { ModelCard, lintText, CardEditRefusedError, ModelcardError } from "modelcard";',
        'const card = ModelCard.parse("---\\nlicense: mit # keep\\ntags: [a]\\n---\\n# Model\\n");',
        'card.set("license", "apache-2.0");',
        'const aliased = ModelCard.parse("---\\nlicense: &l mit\\ntags: [*l]\\n---\\n");',
        "let refused = null;",
        'try { aliased.set("license", "apache-2.0"); } catch (error) { refused = error instanceof CardEditRefusedError && error instanceof ModelcardError ? error.code : String(error); }',
        "console.log(JSON.stringify({ text: card.toString(), refused, rules: lintText(card.toString()).map((m) => m.ruleId) }));",
      ].join("\n"),
    );
    const output = JSON.parse(run(process.execPath, ["edit.mjs"], consumer));
    expect(output.text).toBe("---\nlicense: apache-2.0 # keep\ntags: [a]\n---\n# Model\n");
    expect(output.refused).toBe("EDIT_REFUSED");
    expect(output.rules).toContain("required-fields");
  });

  it("loads with require() on this Node (20.19 and later load ES modules from require)", () => {
    writeFileSync(
      join(consumer, "require.cjs"),
      'const { ModelCard } = require("modelcard");\nprocess.stdout.write(JSON.stringify(ModelCard.parse("---\\nlicense: mit\\n---\\n").metadata));\n',
    );
    const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
    expect(major > 20 || (major === 20 && minor >= 19), "the tests run on Node 20.19 or later").toBe(true);
    const result = spawnSync(process.execPath, ["--no-warnings", "require.cjs"], { cwd: consumer, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ license: "mit" });
  });

  for (const [resolution, module] of [
    ["NodeNext", "NodeNext"],
    ["Bundler", "ESNext"],
  ] as const) {
    it(`type-checks the README's examples in a strict ${resolution} consumer (skipLibCheck false)`, () => {
      const folder = join(consumer, `ts-${resolution.toLowerCase()}`);
      mkdirSync(folder);
      const examples = readmeExamples();
      expect(examples.length).toBeGreaterThanOrEqual(3);
      // Each block is a module of its own, as a user would paste it.
      for (const [index, code] of examples.entries()) writeFileSync(join(folder, `example-${index + 1}.ts`), code);
      writeFileSync(
        join(folder, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            target: "ES2022",
            module,
            moduleResolution: resolution,
            strict: true,
            noUncheckedIndexedAccess: true,
            exactOptionalPropertyTypes: true,
            skipLibCheck: false,
            noEmit: true,
            types: ["node"],
            // Only Node's types from the project: every other declaration resolves from the installed package.
            typeRoots: [join(ROOT, "node_modules/@types")],
          },
          include: ["*.ts"],
        }),
      );
      const result = spawnSync(process.execPath, [TSC, "-p", folder], { cwd: folder, encoding: "utf8" });
      expect(result.stdout + result.stderr).toBe("");
      expect(result.status).toBe(0);
    });
  }

  it("runs the installed command line: --version, lint and generate", () => {
    const bin = join(consumer, "node_modules/.bin/modelcard");
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
    expect(run(bin, ["--version"], consumer).trim()).toBe(version);

    const lint = spawnSync(bin, ["lint", join(CORPUS, "00001.md"), "--format", "json"], {
      cwd: consumer,
      encoding: "utf8",
    });
    expect(lint.status).toBe(0);
    expect(lint.stdout).toContain("required-fields");

    const runFolder = join(consumer, "run");
    copyRunFolder(join(ROOT, "examples/smollm3-openhermes-fr"), runFolder);
    const generate = spawnSync(
      bin,
      [
        "generate",
        "--from",
        runFolder,
        "--profile",
        "smollm3",
        "--repo-name",
        "me/smollm3-fr",
        "--output",
        join(runFolder, "README.md"),
      ],
      { cwd: consumer, encoding: "utf8" },
    );
    expect(generate.stderr).not.toMatch(/Error|ERR_/);
    expect(generate.status).toBe(0);
    const card = readFileSync(join(runFolder, "README.md"), "utf8");
    expect(card).toMatch(/^---\n/);
    expect(card).toContain("base_model: HuggingFaceTB/SmolLM3-3B");
    expect(statSync(join(runFolder, "training_curves.png")).size).toBeGreaterThan(1000);
    expect(readdirSync(runFolder)).toContain("training_curves.svg");
    expect(run(bin, ["lint", join(runFolder, "README.md")], consumer)).toBe("✔ 1 card checked, no problems.\n");
  });
});
