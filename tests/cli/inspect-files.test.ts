import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { memoryIo } from "../support/memory-io.js";

async function inspect(path: string) {
  const terminal = memoryIo();
  const code = await cli(["inspect", path, "--json"], terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

describe("modelcard inspect on what is not a card", () => {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-inspect-"));

  it("exits 2 naming a binary file and why, printing nothing on stdout", async () => {
    const png = join(folder, "README.md");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(await inspect(png)).toEqual({
      code: 2,
      stdout: "",
      stderr: `modelcard: ${png}: Byte 8 is a NUL byte: this is binary content, not a Markdown card (UTF-8 text).\n`,
    });
  });

  it("shows a text card holding bytes that are not UTF-8, with the first such byte named", async () => {
    const latin1 = join(folder, "latin1.md");
    writeFileSync(latin1, Buffer.from("---\nlicense: mit\n---\nCaf\xe9\n", "latin1"));
    const { code, stderr } = await inspect(latin1);
    expect(code).toBe(0);
    expect(stderr).toContain("4:4: warning invalid-utf8: Byte 24 (0xe9) is not valid UTF-8;");
  });

  it("exits 2 naming the README.md a folder given as the card lacks", async () => {
    const empty = mkdtempSync(join(tmpdir(), "modelcard-inspect-empty-"));
    expect(await inspect(empty)).toEqual({
      code: 2,
      stdout: "",
      stderr: `modelcard: ${join(empty, "README.md")}: cannot read the card (no such file); check the path.\n`,
    });
  });
});
