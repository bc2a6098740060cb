import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { lintFile } from "../../src/lint/index.js";
import { memoryIo } from "../support/memory-io.js";

/** A card saved as Latin-1: the `é` of `Café` is the one byte E9, at offset 41 (line 4, column 10). */
const LATIN1 = Buffer.concat([
  Buffer.from("---\nlicense: mit\nlanguage: [EN]\nname: Caf"),
  Buffer.from([0xe9]),
  Buffer.from("\n---\n# Model\n"),
]);
const INVALID_UTF8 = {
  code: "invalid-utf8",
  severity: "warning",
  message: "Byte 41 (0xe9) is not valid UTF-8; readers show U+FFFD there. Save the file as UTF-8.",
  line: 4,
  column: 10,
};
/** A PNG's first bytes: a NUL at offset 8. */
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
const BINARY_REASON = "Byte 8 is a NUL byte: this is binary content, not a Markdown card (UTF-8 text).";

function fileWith(bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "modelcard-decoder-")), "README.md");
  writeFileSync(file, bytes);
  return file;
}

async function run(args: string[], stdin?: string) {
  const terminal = memoryIo(stdin === undefined ? {} : { stdin });
  const code = await cli(args, terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

describe("every command reads the same bytes through ModelCard.fromBytes, and says the same about them", () => {
  it("the library: fromBytes and load", async () => {
    expect(ModelCard.fromBytes(LATIN1).problems).toEqual([INVALID_UTF8]);
    expect((await ModelCard.load(fileWith(LATIN1))).problems).toEqual([INVALID_UTF8]);
  });

  it("inspect: the invalid-utf8 warning with its byte and position", async () => {
    const { code, stdout } = await run(["inspect", fileWith(LATIN1), "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).problems).toEqual([INVALID_UTF8]);
  });

  it("lint: the same warning under the rule id invalid-utf8, and --fix writes nothing over the byte", async () => {
    const file = fileWith(LATIN1);
    const { code, stdout } = await run(["lint", file, "--format", "json", "--fix"]);
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout);
    const { code: _, severity: __, ...message } = INVALID_UTF8;
    expect(result.messages).toContainEqual(expect.objectContaining({ ...message, ruleId: "invalid-utf8" }));
    // `EN` has a fix, refused on this card: the message says why, and the file keeps its bytes.
    expect(result.messages).toContainEqual(
      expect.objectContaining({
        ruleId: "language",
        message: expect.stringMatching(
          /\(--fix leaves this: cannot edit this card: byte 41 \(0xe9\) is not valid UTF-8, and an edit would write U\+FFFD over it\)$/,
        ),
      }),
    );
    expect(result.messages.some((m: { fix?: unknown }) => m.fix)).toBe(false);
    expect(readFileSync(file).equals(LATIN1)).toBe(true);
  });

  it("update: refused, naming the same byte, the file unchanged", async () => {
    const file = fileWith(LATIN1);
    const { code, stderr } = await run(["update", file, "--set", "library_name=transformers"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${file}: cannot edit this card: byte 41 (0xe9) is not valid UTF-8, and an edit would write U+FFFD over it; nothing was written.\n`,
    );
    expect(readFileSync(file).equals(LATIN1)).toBe(true);
  });

  it("stdin is decoded as a file is", async () => {
    // The in-process stdin is text: a replacement character typed as such is not an invalid byte.
    const { stdout } = await run(["inspect", "-", "--json"], "---\nname: \uFFFD\n---\n");
    expect(JSON.parse(stdout).problems).toEqual([]);
  });

  it("push --dry-run: the same warning, and the plan goes on (the bytes would be sent as they are)", async () => {
    const file = fileWith(LATIN1);
    const { code, stdout } = await run(["push", file, "--repo", "alice/a", "--dry-run", "--json"]);
    expect(code).toBe(0);
    const { code: _, ...problem } = INVALID_UTF8;
    expect(JSON.parse(stdout).problems).toContainEqual(expect.objectContaining({ ...problem, code: "invalid-utf8" }));
  });

  it("binary content: one reason in every command, exit 2", async () => {
    const file = fileWith(BINARY);
    expect(await run(["push", file, "--repo", "alice/a", "--dry-run"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `modelcard: ${file}: ${BINARY_REASON}\n`,
    });
    expect(await run(["inspect", file])).toEqual({
      code: 2,
      stdout: "",
      stderr: `modelcard: ${file}: ${BINARY_REASON}\n`,
    });
    expect(await run(["update", file, "--set", "a=1"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `modelcard: ${file}: ${BINARY_REASON}\n`,
    });
    const lint = await run(["lint", file, "--format", "json"]);
    expect(lint.code).toBe(2);
    expect(JSON.parse(lint.stdout)[0].messages).toMatchObject([
      { ruleId: "unreadable-file", message: `${file}: ${BINARY_REASON}`, line: 1, column: 1 },
    ]);
    expect(ModelCard.fromBytes(BINARY).problems).toEqual([
      { code: "binary-content", severity: "error", message: BINARY_REASON, line: 3, column: 1 },
    ]);
    expect(() => ModelCard.fromBytes(BINARY).set("a", 1)).toThrow(`cannot edit this card: ${BINARY_REASON}`);
  });
});

describe.runIf(process.platform !== "win32")("a FIFO given as a card is reported, never waited on", () => {
  const fifo = join(mkdtempSync(join(tmpdir(), "modelcard-fifo-")), "README.md");
  execFileSync("mkfifo", [fifo]);
  const reason = `${fifo}: cannot read the card (not a regular file: a named pipe (FIFO)); check the path.`;

  it("by the library", async () => {
    await expect(ModelCard.load(fifo)).rejects.toThrow(reason);
  });

  it("by inspect and update (exit 2)", async () => {
    expect(await run(["inspect", fifo])).toEqual({ code: 2, stdout: "", stderr: `modelcard: ${reason}\n` });
    expect((await run(["update", fifo, "--set", "a=1"])).stderr).toBe(`modelcard: ${reason}\n`);
  });

  it("by lint, as an unreadable file", async () => {
    const result = await lintFile(fifo);
    expect(result).toMatchObject({ fatal: true, messages: [{ ruleId: "unreadable-file", message: reason }] });
  });
});
