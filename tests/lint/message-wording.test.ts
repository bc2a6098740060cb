import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import type { EslintResult } from "../../src/lint/index.js";
import { memoryIo } from "../support/memory-io.js";

function lintCard(text: string, args: string[] = []) {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-wording-"));
  writeFileSync(join(folder, "README.md"), text);
  const pretty = memoryIo({ cwd: folder });
  const json = memoryIo({ cwd: folder });
  return Promise.all([
    cli(["lint", "README.md", ...args], pretty.io),
    cli(["lint", "README.md", "--format", "json", ...args], json.io),
  ]).then(([code]) => ({
    code,
    pretty: pretty.stdout(),
    stderr: pretty.stderr(),
    messages: (JSON.parse(json.stdout()) as EslintResult[])[0]?.messages ?? [],
  }));
}

describe("lint messages say each thing once and as the file has it", () => {
  it("gives a YAML error the file's position only, not js-yaml's position in the block too", async () => {
    const { pretty, messages } = await lintCard("---\nlicense: mit\ndatasets: foo bar: baz\n---\n# Model\n");
    expect(messages).toEqual([
      { ruleId: "yaml-syntax", severity: 2, message: "bad indentation of a mapping entry", line: 3, column: 18 },
    ]);
    expect(pretty).toContain("3:18");
    expect(pretty).not.toMatch(/\(2:18\)/);
  });

  it("says a duplicate key once, at the file's line", async () => {
    const { messages } = await lintCard("---\nlicense: mit\nlicense: apache-2.0\n---\n# Model\n");
    expect(messages).toEqual([
      { ruleId: "duplicate-key", severity: 2, message: "duplicated mapping key", line: 3, column: 1 },
    ]);
  });

  it("tells a block opened with --- and never closed to close it, not to start with ---", async () => {
    const { messages } = await lintCard("---\nlicense: mit\nlibrary_name: transformers\n# Model\n");
    expect(messages[0]).toEqual({
      ruleId: "no-front-matter",
      severity: 1,
      message:
        "The card opens a front-matter block with `---` but never closes it, so the Hub sees no metadata (it warns: empty or missing yaml metadata in repo card); add a `---` line after the YAML metadata.",
      line: 1,
      column: 1,
    });
    const none = await lintCard("# Model\n");
    expect(none.messages[0]?.message).toBe(
      "The card has no front matter, so the Hub sees no metadata (it warns: empty or missing yaml metadata in repo card); start the file with a `---` line, the YAML metadata, and a closing `---` line.",
    );
  });

  it("shows a backslash in a value once, as the file has it", async () => {
    for (const written of ['"D:\\\\projects\\\\nlp"', "D:\\projects\\nlp", "'D:\\projects\\nlp'"]) {
      const { messages, pretty } = await lintCard(
        `---\nlicense: mit\nlibrary_name: transformers\npipeline_tag: text-generation\nbase_model: ${written}\n---\n# Model\n`,
      );
      expect(messages.map((message) => message.message)).toEqual([
        '"base_model" with value "D:\\projects\\nlp" is not valid. Use a model id from https://hf.co/models. It is a local path; give the Hub model id (owner/name) it came from.',
      ]);
      expect(pretty).toContain('error  "base_model" with value "D:\\projects\\nlp" is not valid.');
    }
  });

  it("keeps quotes and control characters in a value visible", async () => {
    const { messages } = await lintCard(
      '---\nlicense: mit\nlibrary_name: transformers\npipeline_tag: text-generation\nbase_model: "say \\"hi\\"\\tnow"\n---\n# Model\n',
    );
    expect(messages[0]?.message).toBe(
      '"base_model" with value "say "hi"\\tnow" is not valid. Use a model id from https://hf.co/models. A Hub model id is owner/name (letters, digits, - _ .).',
    );
  });

  it('says "1 warning", not "1 warnings", over --max-warnings', async () => {
    const card = "---\nlicense: mit\nlibrary_name: transformers\n---\n# Model\n";
    const one = await lintCard(card, ["--max-warnings", "0"]);
    expect(one.code).toBe(1);
    expect(one.stderr).toBe("modelcard lint: 1 warning, more than --max-warnings 0; fix some or raise the limit.\n");
    const two = await lintCard("---\nlicense: mit\n# Model\n", ["--max-warnings", "1"]);
    expect(two.stderr).toBe("modelcard lint: 2 warnings, more than --max-warnings 1; fix some or raise the limit.\n");
  });

  it("shows one position for a YAML error in inspect and update too", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-wording-"));
    const card = join(folder, "README.md");
    writeFileSync(card, "---\nlicense: mit\ndatasets: foo bar: baz\n---\n# Model\n");
    const inspect = memoryIo();
    await cli(["inspect", card], inspect.io);
    expect(inspect.stdout() + inspect.stderr()).toContain(
      `${card}:3:18: error yaml-syntax: bad indentation of a mapping entry\n`,
    );
    const update = memoryIo();
    await cli(["update", card, "--set", "license=apache-2.0", "--dry-run"], update.io);
    expect(update.stdout() + update.stderr()).not.toMatch(/\(\d+:\d+\)/);
  });
});
