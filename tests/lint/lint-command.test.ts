import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { fixText } from "../../src/lint/index.js";
import { CORPUS, corpusFiles } from "../support/shared.js";

const CONFIGS = fileURLToPath(new URL("./fixtures/config/", import.meta.url));

function fakeIo(cwd: string, stdin = "", isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (text: string) => void out.push(text),
      stderr: (text: string) => void err.push(text),
      readStdin: async () => stdin,
      env: {},
      cwd,
      isTTY,
    },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

const CLEAN = "---\nlicense: apache-2.0\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n# Model\n";
const BROKEN = `---
# comment kept
license: Apache-2.0
library_name: transformers
pipeline_tag: text-generation
language:
- no
base_model: ./out
---
# Model
`;

function workspace(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-lint-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(folder, name, ".."), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

describe("modelcard lint", () => {
  it("exits 0 on a clean card and 1 on errors, with a code frame in the pretty output", async () => {
    const folder = workspace({ "good/README.md": CLEAN, "bad/README.md": BROKEN });
    const good = fakeIo(folder);
    expect(await cli(["lint", "good/README.md"], good.io)).toBe(0);
    expect(good.stdout()).toContain("no problems");
    const bad = fakeIo(folder);
    expect(await cli(["lint", "bad/README.md"], bad.io)).toBe(1);
    expect(bad.stdout()).toContain("bad/README.md");
    expect(bad.stdout()).toContain('3:10  error  License "Apache-2.0" is not known');
    expect(bad.stdout()).toContain("> 3 | license: Apache-2.0");
    expect(bad.stdout()).toMatch(/\|\s+\^{10}/);
    expect(bad.stdout()).toMatch(/can be fixed with --fix/);
  });

  it("prints ESLint-shaped JSON", async () => {
    const folder = workspace({ "README.md": BROKEN });
    const run = fakeIo(folder);
    expect(await cli(["lint", "--format", "json"], run.io)).toBe(1);
    const [result] = JSON.parse(run.stdout()) as {
      filePath: string;
      errorCount: number;
      warningCount: number;
      messages: { ruleId: string; severity: number; line: number; column: number; fix?: unknown }[];
    }[];
    expect(result?.filePath).toBe("README.md");
    expect(result?.messages.map((message) => [message.ruleId, message.line])).toEqual([
      ["license", 3],
      ["cross-reader", 7],
      ["hub-id", 8],
    ]);
    expect(result?.errorCount).toBe(2);
    expect(result?.warningCount).toBe(1);
    expect(result?.messages[0]?.fix).toEqual({ range: [28, 38], text: "apache-2.0" });
  });

  it("prints SARIF 2.1.0 for GitHub code scanning", async () => {
    const folder = workspace({ "README.md": BROKEN });
    const run = fakeIo(folder);
    await cli(["lint", "--format", "sarif", "README.md"], run.io);
    const sarif = JSON.parse(run.stdout());
    expect(sarif.version).toBe("2.1.0");
    const [sarifRun] = sarif.runs;
    expect(sarifRun.tool.driver.name).toBe("modelcard");
    expect(sarifRun.results).toHaveLength(3);
    const [first] = sarifRun.results;
    expect(first).toMatchObject({ ruleId: "license", level: "error" });
    expect(first.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: "README.md" },
      region: { startLine: 3, startColumn: 10 },
    });
    expect(sarifRun.tool.driver.rules[first.ruleIndex].id).toBe("license");
  });

  it("--fix rewrites the card, keeping comments and other lines, and reports what is left", async () => {
    const folder = workspace({ "README.md": BROKEN });
    const run = fakeIo(folder);
    expect(await cli(["lint", "--fix", "--format", "json", "README.md"], run.io)).toBe(1);
    const fixed = readFileSync(join(folder, "README.md"), "utf8");
    expect(fixed).toBe(BROKEN.replace("license: Apache-2.0", "license: apache-2.0").replace("- no\n", '- "no"\n'));
    const [result] = JSON.parse(run.stdout());
    expect(result.messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(["hub-id"]);
    expect(result.output).toBe(fixed);
  });

  it("--max-warnings turns too many warnings into exit code 1", async () => {
    const folder = workspace({ "README.md": `${CLEAN.replace("---\n#", "on: yes\n---\n#")}` });
    expect(await cli(["lint"], fakeIo(folder).io)).toBe(0);
    const strict = fakeIo(folder);
    expect(await cli(["lint", "--max-warnings", "0"], strict.io)).toBe(1);
    expect(strict.stderr()).toContain("more than --max-warnings 0");
  });

  it("reports a missing and a binary file, lints the rest, and exits 2", async () => {
    const folder = workspace({ "a/README.md": CLEAN, "b/README.md": Buffer.from([0x2d, 0x2d, 0x2d, 0, 1, 2]) });
    const run = fakeIo(folder);
    expect(await cli(["lint", "--format", "json", "missing.md", "b/README.md", "a/README.md"], run.io)).toBe(2);
    const results = JSON.parse(run.stdout()) as {
      filePath: string;
      fatalErrorCount: number;
      messages: { message: string }[];
    }[];
    expect(results.map((result) => [result.filePath, result.fatalErrorCount])).toEqual([
      ["missing.md", 1],
      ["b/README.md", 1],
      ["a/README.md", 0],
    ]);
    expect(results[0]?.messages[0]?.message).toMatch(
      /missing\.md: cannot read the card \(no such file\); check the path/,
    );
    // Decided by the card's decoder, in the words inspect and update use.
    expect(results[1]?.messages[0]?.message).toMatch(
      /b\/README\.md: Byte 3 is a NUL byte: this is binary content, not a Markdown card \(UTF-8 text\)\.$/,
    );
  });

  it("walks folders for README.md and cards, skipping notes without front matter", async () => {
    const folder = workspace({
      "models/a/README.md": CLEAN,
      "models/b/card.md": CLEAN,
      "models/b/NOTES.md": "# just notes\n",
      "node_modules/x/README.md": "no card",
    });
    const run = fakeIo(folder);
    expect(await cli(["lint", "--format", "json", "."], run.io)).toBe(0);
    expect(JSON.parse(run.stdout()).map((result: { filePath: string }) => result.filePath)).toEqual([
      "models/a/README.md",
      "models/b/card.md",
    ]);
  });

  it("reads a card from stdin with -", async () => {
    const run = fakeIo(tmpdir(), BROKEN);
    expect(await cli(["lint", "-", "--format", "json"], run.io)).toBe(1);
    expect(JSON.parse(run.stdout())[0].filePath).toBe("<stdin>");
  });

  it("exits 2 on a bad configuration or flag", async () => {
    const folder = workspace({ "README.md": CLEAN, "modelcard.config.json": '{"rules":{"nope":"warn"}}' });
    const run = fakeIo(folder);
    expect(await cli(["lint"], run.io)).toBe(2);
    expect(run.stderr()).toContain('modelcard.config.json: unknown rule "nope"');
    expect(await cli(["lint", "--format", "xml"], fakeIo(folder).io)).toBe(2);
    expect(await cli(["lint", "--jobs", "0"], fakeIo(folder).io)).toBe(2);
  });

  it("gives the same results in worker threads as in one thread, in file order", async () => {
    const names = corpusFiles().slice(0, 400);
    const folder = workspace({});
    for (const name of names) copyFileSync(`${CORPUS}${name}`, join(folder, name));
    const threaded = fakeIo(folder, "", false);
    const single = fakeIo(folder);
    await cli(["lint", ".", "--format", "json", "--jobs", "2"], threaded.io);
    await cli(["lint", ".", "--format", "json", "--jobs", "1"], single.io);
    const results = JSON.parse(threaded.stdout()) as { filePath: string }[];
    expect(results.map((result) => result.filePath)).toEqual(names);
    expect(threaded.stdout()).toBe(single.stdout());
  });

  it("applies the configuration and its custom rules in worker threads too", async () => {
    const names = corpusFiles().slice(0, 300);
    const folder = workspace({});
    for (const name of names) copyFileSync(`${CORPUS}${name}`, join(folder, name));
    for (const name of ["modelcard.config.yaml", "custom-rules.mjs"])
      copyFileSync(`${CONFIGS}${name}`, join(folder, name));
    const threaded = fakeIo(folder);
    await cli(["lint", ".", "--format", "json", "--jobs", "2"], threaded.io);
    const results = JSON.parse(threaded.stdout()) as { messages: { ruleId: string; severity: number }[] }[];
    expect(results).toHaveLength(300);
    const authorRule = results.flatMap((result) => result.messages).filter((m) => m.ruleId === "team/require-author");
    expect(authorRule.length).toBe(300);
    expect(new Set(authorRule.map((message) => message.severity))).toEqual(new Set([2]));
    const single = fakeIo(folder);
    await cli(["lint", ".", "--format", "json", "--jobs", "1"], single.io);
    expect(threaded.stdout()).toBe(single.stdout());
  });

  it("fixes files in worker threads exactly as fixText does", async () => {
    const names = corpusFiles().slice(0, 600);
    const folder = workspace({});
    for (const name of names) copyFileSync(`${CORPUS}${name}`, join(folder, name));
    const run = fakeIo(folder);
    await cli(["lint", ".", "--fix", "--format", "json", "--jobs", "2"], run.io);
    const results = JSON.parse(run.stdout()) as { filePath: string; output?: string }[];
    let fixedFiles = 0;
    for (const name of names) {
      const original = readFileSync(`${CORPUS}${name}`, "utf8");
      const expected = fixText(original);
      expect(readFileSync(join(folder, name), "utf8"), name).toBe(expected.output);
      if (expected.output !== original) fixedFiles++;
    }
    expect(fixedFiles).toBeGreaterThan(0);
    expect(results.filter((result) => result.output !== undefined).length).toBe(fixedFiles);
  });

  it("shows progress on a terminal once hundreds of cards are linted, and clears it", async () => {
    const names = corpusFiles().slice(0, 320);
    const folder = workspace({});
    for (const name of names) copyFileSync(`${CORPUS}${name}`, join(folder, name));
    const terminal = fakeIo(folder, "", true);
    await cli(["lint", ".", "--format", "json", "--jobs", "1"], terminal.io);
    expect(terminal.stderr()).toContain("linting… 300 cards");
    expect(terminal.stderr().endsWith("\r\x1b[K")).toBe(true);
    const pipe = fakeIo(folder);
    await cli(["lint", ".", "--format", "json", "--jobs", "1"], pipe.io);
    expect(pipe.stderr()).toBe("");
  });

  it("exits 2 when a folder holds no cards", async () => {
    const folder = workspace({ "docs/NOTES.md": "# notes\n" });
    const run = fakeIo(folder);
    expect(await cli(["lint", "docs"], run.io)).toBe(2);
    expect(run.stderr()).toBe(
      "modelcard lint: no cards found; pass README.md files, *.md cards or folders holding them.\n",
    );
    expect(run.stdout()).toBe("");
  });

  it("reports binary content on stdin as it does for a file, without printing it", async () => {
    const run = fakeIo(tmpdir(), "\x7fELF\x02\x01\x01\0\0\0\0binary");
    expect(await cli(["lint", "-", "--format", "json"], run.io)).toBe(2);
    expect(JSON.parse(run.stdout())).toMatchObject([
      {
        filePath: "<stdin>",
        errorCount: 1,
        fatalErrorCount: 1,
        messages: [
          {
            ruleId: "unreadable-file",
            severity: 2,
            fatal: true,
            message: "<stdin>: Byte 7 is a NUL byte: this is binary content, not a Markdown card (UTF-8 text).",
          },
        ],
      },
    ]);
  });

  it("ends the pretty output with cards checked, cards with errors and a count per rule; --quiet shows errors only", async () => {
    const folder = workspace({
      "a/README.md": BROKEN,
      "b/README.md": "---\nlicense: mit\n---\n# Model\n",
      "c/README.md": CLEAN,
    });
    const run = fakeIo(folder);
    expect(await cli(["lint", "."], run.io)).toBe(1);
    const summary = run.stdout().slice(run.stdout().lastIndexOf("\n\n") + 2);
    expect(summary).toBe(
      [
        "  rule              errors  warnings",
        "  hub-id                 1         0",
        "  license                1         0",
        "  cross-reader           0         1",
        "  required-fields        0         1",
        "✖ 4 problems (2 errors, 2 warnings) in 3 cards checked, 1 with errors",
        "  1 error and 1 warning can be fixed with --fix.",
        "",
      ].join("\n"),
    );
    const quiet = fakeIo(folder);
    expect(await cli(["lint", ".", "--quiet"], quiet.io)).toBe(1);
    expect(quiet.stdout()).not.toMatch(/\d+:\d+ {2}warning/);
    expect(quiet.stdout()).not.toContain("b/README.md");
    expect(quiet.stdout()).toContain("✖ 2 problems (2 errors, 0 warnings) in 3 cards checked, 1 with errors");
  });

  it("--rule ID=SEVERITY overrides the configuration, and a bad one is a usage error", async () => {
    const folder = workspace({ "README.md": BROKEN });
    const run = fakeIo(folder);
    expect(await cli(["lint", "--format", "json", "--rule", "license=warn", "--rule", "hub-id=off"], run.io)).toBe(0);
    const [result] = JSON.parse(run.stdout()) as { messages: { ruleId: string; severity: number }[] }[];
    expect(result?.messages.map((message) => [message.ruleId, message.severity])).toEqual([
      ["license", 1],
      ["cross-reader", 1],
    ]);
    const bad = fakeIo(folder);
    expect(await cli(["lint", "--rule", "license"], bad.io)).toBe(2);
    expect(bad.stderr()).toContain("write ID=SEVERITY with a severity of off, warn or error");
    const unknown = fakeIo(folder);
    expect(await cli(["lint", "--rule", "no-such-rule=warn"], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('unknown rule "no-such-rule"');
  });

  it("--ignore-pattern skips matching files and folders, at any depth for a pattern without a slash", async () => {
    const folder = workspace({
      "models/a/README.md": CLEAN,
      "models/legacy/README.md": BROKEN,
      "drafts/x.md": BROKEN,
      "models/b/wip.draft.md": BROKEN,
    });
    const run = fakeIo(folder);
    const args = [
      "lint",
      ".",
      "--format",
      "json",
      "--ignore-pattern",
      "models/legacy/**",
      "--ignore-pattern",
      "drafts",
    ];
    expect(await cli([...args, "--ignore-pattern", "*.draft.md"], run.io)).toBe(0);
    expect(JSON.parse(run.stdout()).map((result: { filePath: string }) => result.filePath)).toEqual([
      "models/a/README.md",
    ]);
  });

  it("reports a card whose lint thread died (a custom rule calling process.exit) and lints the rest", async () => {
    const names = corpusFiles().slice(0, 300);
    const folder = workspace({
      "modelcard.config.json": '{"customRules":["./exit-rule.mjs"]}',
      "exit-rule.mjs": `export const rules = [{ id: "team/exit", description: "Exits on one card.", defaultSeverity: "warning",
        fixable: false, check({ filePath }) { if (filePath.endsWith("${names[100]}")) process.exit(7); } }];`,
    });
    for (const name of names) copyFileSync(`${CORPUS}${name}`, join(folder, name));
    const run = fakeIo(folder);
    expect(await cli(["lint", ".", "--format", "json", "--jobs", "2"], run.io)).toBe(2);
    const results = JSON.parse(run.stdout()) as {
      filePath: string;
      fatalErrorCount: number;
      messages: { message: string }[];
    }[];
    expect(results.map((result) => result.filePath)).toEqual(names);
    expect(results.filter((result) => result.fatalErrorCount > 0).map((result) => result.filePath)).toEqual([
      names[100],
    ]);
    expect(results[100]?.messages[0]?.message).toContain(
      "the lint thread stopped on this card (worker exited with code: 7); a custom rule may have called process.exit.",
    );
  });

  it("gives each rule in SARIF its help text and page, and no helpUri (no path of the machine that ran lint)", async () => {
    const folder = workspace({ "README.md": BROKEN });
    const run = fakeIo(folder);
    await cli(["lint", "--format", "sarif"], run.io);
    expect(run.stdout()).not.toContain("file://");
    expect(run.stdout()).not.toContain("helpUri");
    const rules = JSON.parse(run.stdout()).runs[0].tool.driver.rules as {
      id: string;
      fullDescription: { text: string };
      help: { text: string; markdown: string };
    }[];
    for (const rule of rules) {
      expect(rule.help.markdown.startsWith(`# ${rule.id}\n`)).toBe(true);
      expect(rule.help.text.startsWith(rule.fullDescription.text)).toBe(true);
    }
    const license = rules.find((rule) => rule.id === "license");
    expect(license?.fullDescription.text).toBe(
      "Reports a `license` that is not one of the Hub's 83 license ids (an error; a list of ids is checked id by id), and warns of `license: other` without `license_name` and `license_link`, and of `license_name` or `license_link` beside another license.",
    );
    expect(license?.help.text).toContain(
      'The Hub rejects a license id it does not know, wrong case included (`MIT`): `"license" must be one of [apache-2.0, mit, ..., other]`.',
    );
  });
});
