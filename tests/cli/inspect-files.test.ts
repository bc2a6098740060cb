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
      stderr: `modelcard: ${png}: not a text file (a NUL byte at offset 8: binary content); a card is UTF-8 text\n`,
    });
  });

  it("exits 2 on bytes that are not UTF-8", async () => {
    const latin1 = join(folder, "latin1.md");
    writeFileSync(latin1, Buffer.from("---\nlicense: mit\n---\nCaf\xe9\n", "latin1"));
    expect((await inspect(latin1)).stderr).toBe(
      `modelcard: ${latin1}: not a text file (not UTF-8 text); a card is UTF-8 text\n`,
    );
  });

  it("exits 2 naming a folder given as the card", async () => {
    expect(await inspect(folder)).toEqual({
      code: 2,
      stdout: "",
      stderr: `modelcard: ${folder}: cannot read the card (a folder, not a file (EISDIR)); check the path.\n`,
    });
  });
});
