import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ESLint } from "eslint";
import compact from "eslint-formatter-compact";
import { describe, expect, expectTypeOf, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import type { EslintResult } from "../../src/lint/index.js";
import { memoryIo } from "../support/memory-io.js";

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

/** ESLint 9's LintResult keys; `output` only after --fix changed the file. */
const RESULT_KEYS = [
  "filePath",
  "messages",
  "suppressedMessages",
  "errorCount",
  "fatalErrorCount",
  "warningCount",
  "fixableErrorCount",
  "fixableWarningCount",
  "usedDeprecatedRules",
];
const MESSAGE_KEYS = new Set([
  "ruleId",
  "severity",
  "message",
  "line",
  "column",
  "endLine",
  "endColumn",
  "fix",
  "fatal",
]);

function workspace(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-eslint-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(folder, name, ".."), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

async function lintJson(folder: string, args: string[]): Promise<ESLint.LintResult[]> {
  const run = memoryIo({ cwd: folder });
  await cli(["lint", "--format", "json", ...args], run.io);
  return JSON.parse(run.stdout()) as EslintResult[];
}

describe("lint --format json is ESLint 9's LintResult[]", () => {
  it("type-checks against ESLint's own ESLint.LintResult", () => {
    // tsc (npm run typecheck) refuses this file if the JSON writer's type does not fit ESLint's.
    expectTypeOf<EslintResult>().toExtend<ESLint.LintResult>();
    const asEslint = (results: EslintResult[]): ESLint.LintResult[] => results;
    expect(asEslint([])).toEqual([]);
  });

  it("writes filePath, numeric severities and ESLint's counts, and nothing ESLint does not", async () => {
    const folder = workspace({ "README.md": BROKEN });
    const [result, ...rest] = await lintJson(folder, ["README.md"]);
    expect(rest).toEqual([]);
    expect(Object.keys(result ?? {})).toEqual(RESULT_KEYS);
    expect(result).toMatchObject({
      filePath: "README.md",
      suppressedMessages: [],
      errorCount: 2,
      fatalErrorCount: 0,
      warningCount: 1,
      usedDeprecatedRules: [],
    });
    expect(result?.messages.map((message) => [message.ruleId, message.severity, message.line, message.column])).toEqual(
      [
        ["license", 2, 3, 10],
        ["cross-reader", 1, 7, 3],
        ["hub-id", 2, 8, 13],
      ],
    );
    expect(result?.messages[0]?.fix).toEqual({ range: [28, 38], text: "apache-2.0" });
    for (const message of result?.messages ?? [])
      for (const key of Object.keys(message)) expect(MESSAGE_KEYS.has(key), key).toBe(true);
  });

  it("marks a file that cannot be read as a fatal error, as ESLint marks a parse failure", async () => {
    const folder = workspace({ "a/README.md": Buffer.from([0x2d, 0x2d, 0x2d, 0, 1, 2]) });
    const [result] = await lintJson(folder, ["a/README.md", "missing.md"]);
    expect(result).toMatchObject({ filePath: "a/README.md", errorCount: 1, fatalErrorCount: 1 });
    expect(result?.messages[0]).toMatchObject({ ruleId: "unreadable-file", severity: 2, fatal: true });
  });

  it("gives the fixed text as output after --fix, as ESLint does", async () => {
    const folder = workspace({ "README.md": BROKEN });
    const [result] = await lintJson(folder, ["--fix", "README.md"]);
    expect(result?.output).toBe(
      BROKEN.replace("license: Apache-2.0", "license: apache-2.0").replace("- no\n", '- "no"\n'),
    );
    expect(Object.keys(result ?? {})).toEqual([...RESULT_KEYS, "output"]);
  });

  it("runs through ESLint's stock compact formatter", async () => {
    const folder = workspace({ "README.md": BROKEN });
    const results = await lintJson(folder, ["README.md"]);
    const format = compact as unknown as (results: ESLint.LintResult[]) => string;
    expect(format(results)).toBe(
      [
        'README.md: line 3, col 10, Error - License "Apache-2.0" is not known; did you mean "apache-2.0"? Expected: apache-2.0; Actual: Apache-2.0. (license)',
        'README.md: line 7, col 3, Warning - `language[0]` is the string "no" to the Hub (js-yaml) but boolean false to PyYAML (huggingface_hub); write "no". (cross-reader)',
        'README.md: line 8, col 13, Error - "base_model" with value "./out" is not valid. Use a model id from https://hf.co/models. It is a local path; give the Hub model id (owner/name) it came from. (hub-id)',
        "",
        "3 problems",
      ].join("\n"),
    );
  });
});
