import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exitCodeFor } from "../../src/cli/exit-codes.js";
import { cli } from "../../src/cli/main.js";
import {
  CardEditRefusedError,
  FileAccessError,
  HubConnectionError,
  MetadataConflictError,
  ModelCard,
  ModelcardError,
  writeFileAtomically,
} from "../../src/index.js";
import { memoryIo } from "../support/memory-io.js";

describe("the error family", () => {
  it("gives a missing card FILE_NOT_FOUND with its path, and a folder FILE_UNREADABLE", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-errors-"));
    const missing = join(folder, "README.md");
    const error = await ModelCard.load(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileAccessError);
    expect(error).toBeInstanceOf(ModelcardError);
    expect(error).toMatchObject({ code: "FILE_NOT_FOUND", path: missing });
    expect((error as Error).message).toBe(`${missing}: cannot read the card (no such file); check the path.`);
    await expect(ModelCard.load(folder)).rejects.toMatchObject({ code: "FILE_UNREADABLE", path: folder });
  });

  it("gives a write that fails FILE_NOT_WRITTEN, naming the file", async () => {
    const path = join(tmpdir(), "modelcard-no-such-folder", "README.md");
    await expect(writeFileAtomically(path, "x")).rejects.toMatchObject({ code: "FILE_NOT_WRITTEN", path });
  });

  it("maps each code to one exit code: refusals 1, input and I/O 2, anything else 2", () => {
    expect(exitCodeFor(new CardEditRefusedError("no"))).toBe(1);
    expect(exitCodeFor(new MetadataConflictError("license", "no"))).toBe(1);
    expect(exitCodeFor(new FileAccessError("FILE_NOT_FOUND", "x", "no"))).toBe(2);
    expect(exitCodeFor(new HubConnectionError("https://hub.test", "GET /", "ECONNRESET", "dropped"))).toBe(2);
    expect(exitCodeFor(new Error("other"))).toBe(2);
  });

  it("exits 1 on a metadata conflict and 2 on a missing card, each with one line", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-errors-"));
    const card = join(folder, "README.md");
    writeFileSync(card, "---\nlicense: mit\n---\n");
    const conflict = memoryIo();
    expect(await cli(["update", card, "--set", "license=apache-2.0"], conflict.io)).toBe(1);
    expect(conflict.stderr().trim().split("\n")).toHaveLength(1);
    const missing = memoryIo();
    expect(await cli(["inspect", join(folder, "nope.md")], missing.io)).toBe(2);
    expect(missing.stderr()).toBe(
      `modelcard: ${join(folder, "nope.md")}: cannot read the card (no such file); check the path.\n`,
    );
  });
});
