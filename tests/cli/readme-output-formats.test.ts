import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { memoryIo } from "../support/memory-io.js";

/** The README's statements about output formats, held to what the commands really print. */
const README = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8").replace(/\n/g, " ");

const CARD = `---
license: Apache-2.0
library_name: transformers
pipeline_tag: text-generation
language:
- no
model-index:
- name: my-model
  results:
  - task: {type: text-generation}
    dataset: {name: Wiki, type: wikitext}
    metrics:
    - {name: Perplexity, type: perplexity, value: 9.8}
- name: my-model (int4 quantized)
  results:
  - task: {type: text-generation}
    dataset: {name: Wiki, type: wikitext}
    metrics:
    - {name: Memory Reduction, type: memory_efficiency, value: 72.1}
---
# Model
`;

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-readme-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(folder, name, ".."), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

async function run(args: string[], cwd: string) {
  const terminal = memoryIo({ cwd });
  const code = await cli(args, terminal.io);
  return { code, stdout: terminal.stdout() };
}

/** The names in a README shape such as `{a, b: [{c, d?}], e?}`: each name with whether it is optional. */
function names(shape: string): { name: string; optional: boolean }[] {
  return [...shape.matchAll(/([A-Za-z]+)(\??)(?=[,}\]:\s]|$)/g)].map((match) => ({
    name: match[1] ?? "",
    optional: match[2] === "?",
  }));
}

/** The text of the first backquoted span after `after`. */
function span(after: string, section = ""): string {
  const start = README.indexOf(after, README.indexOf(section));
  expect(start, after).toBeGreaterThanOrEqual(0);
  return /`([^`]+)`/.exec(README.slice(start + after.length))?.[1] ?? "";
}

describe("the README's output formats are what the commands print", () => {
  it("lint --format json: the result and message keys the README lists, no others, optional ones marked", async () => {
    const shape = span("`json` is exactly ESLint 9's `LintResult[]` (");
    const nested = /messages: \[\{([^}]*)\}\]/.exec(shape)?.[1] ?? "";
    const messageKeys = names(`{${nested}}`);
    const resultKeys = names(shape.replace(/messages: \[\{[^}]*\}\]/, "messages"));
    expect(resultKeys.map((key) => key.name)).toContain("filePath");
    expect(messageKeys.map((key) => key.name)).toContain("ruleId");

    const folder = folderWith({ "README.md": CARD, "bad/README.md": Buffer.from([0x2d, 0x2d, 0x2d, 0, 1]) });
    const plain = JSON.parse((await run(["lint", "--format", "json", "README.md", "bad/README.md"], folder)).stdout);
    const fixed = JSON.parse((await run(["lint", "--format", "json", "--fix", "README.md"], folder)).stdout);
    const results = [...plain, ...fixed] as Record<string, unknown>[];
    const messages = results.flatMap((result) => result.messages as Record<string, unknown>[]);
    for (const [keys, objects] of [
      [resultKeys, results],
      [messageKeys, messages],
    ] as const) {
      const seen = new Set(objects.flatMap((object) => Object.keys(object)));
      // Every key printed is documented; every key documented is printed (the optional ones by some object).
      expect([...seen].sort()).toEqual(keys.map((key) => key.name).sort());
      for (const key of keys.filter((entry) => !entry.optional))
        for (const object of objects) expect(Object.keys(object), key.name).toContain(key.name);
    }
    // "severity 1 for a warning and 2 for an error, `fatal` on a file that could not be read".
    expect(README).toContain("severity 1 for a warning and 2 for an error, `fatal` on a file that could not be read");
    expect(new Set(messages.map((message) => message.severity))).toEqual(new Set([1, 2]));
    expect(messages.filter((message) => message.fatal).map((message) => message.ruleId)).toEqual(["unreadable-file"]);
    // "`output` the fixed text after `--fix`".
    expect(fixed[0].output).toBe(readFileSync(join(folder, "README.md"), "utf8"));
    expect(plain[0].output).toBeUndefined();
  });

  it("lint --format sarif: each rule with its description and help text, and no help URI", async () => {
    expect(README).toContain("`sarif` feeds GitHub code scanning, each rule with its description and help text");
    const folder = folderWith({ "README.md": CARD });
    const sarif = JSON.parse((await run(["lint", "--format", "sarif", "README.md"], folder)).stdout);
    const rules = sarif.runs[0].tool.driver.rules as Record<string, { text: string } | undefined>[];
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.help?.text).toBeTruthy();
      expect(rule).not.toHaveProperty("helpUri");
    }
  });

  it("inspect --json: the keys and evalResults fields the README lists; modelName the first entry's", async () => {
    const keys = names(span("Prints ", "### `modelcard inspect`"));
    const fields = span("else one object per metric with ").split(/\s+/);
    const folder = folderWith({ "README.md": CARD });
    const inspection = JSON.parse((await run(["inspect", join(folder, "README.md"), "--json"], folder)).stdout);
    expect(Object.keys(inspection)).toEqual(keys.map((key) => key.name));
    expect(inspection.evalResults.length).toBe(2);
    for (const result of inspection.evalResults) expect(Object.keys(result).sort()).toEqual([...fields].sort());
    expect(README).toContain("`modelName` is the first model-index entry's name");
    expect(inspection.modelName).toBe("my-model");
    const empty = folderWith({ "README.md": "---\nlicense: mit\n---\n# Model\n" });
    expect(README).toContain("`evalResults` is null when there is no valid model-index");
    expect(
      JSON.parse((await run(["inspect", join(empty, "README.md"), "--json"], empty)).stdout).evalResults,
    ).toBeNull();
  });
});
