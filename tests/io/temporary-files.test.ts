import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { removeStaleTemporaryFiles } from "../../src/io/remove-stale-temporary-files.js";
import { TEMPORARY_FILE_NAME } from "../../src/io/temporary-file-name.js";
import { writeFileAtomically } from "../../src/io/write-file-atomically.js";
import { memoryIo } from "../support/memory-io.js";

const HOLDER = fileURLToPath(new URL("./fixtures/hold-temporary-file.ts", import.meta.url));
const CARD = "---\nlicense: mit\n---\n# Model\n";

function folderWithCard() {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-io-"));
  writeFileSync(join(folder, "README.md"), CARD);
  return folder;
}

/** Runs the holder (a write stopped halfway) in its own process; resolves to it and its temporary file. */
async function holdTemporaryFile(target: string): Promise<{ child: ChildProcess; temporary: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", HOLDER, target], { stdio: ["ignore", "pipe", "inherit"] });
  const temporary = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.endsWith("\n")) resolve(out.trim());
    });
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return { child, temporary };
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));

describe("writeFileAtomically", () => {
  it("replaces the file through a dot-named temporary file, keeping its mode", async () => {
    const folder = folderWithCard();
    const card = join(folder, "README.md");
    chmodSync(card, 0o640);
    await writeFileAtomically(card, "new");
    expect(readFileSync(card, "utf8")).toBe("new");
    expect(statSync(card).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(["README.md"]);
    expect(TEMPORARY_FILE_NAME.test(`.README.md.${process.pid}.0123abcd.modelcard-tmp`)).toBe(true);
  });

  it("names the file and changes nothing when it cannot write", async () => {
    const missing = join(tmpdir(), "no-such-folder", "README.md");
    await expect(writeFileAtomically(missing, "x")).rejects.toThrow(`${missing}: cannot write the file (`);
  });
});

describe("temporary files and signals", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("removes the temporary file on %s", async (signal) => {
    const folder = folderWithCard();
    const { child, temporary } = await holdTemporaryFile(join(folder, "README.md"));
    expect(basename(temporary)).toMatch(TEMPORARY_FILE_NAME);
    expect(existsSync(temporary)).toBe(true);
    const ended = exited(child);
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(readdirSync(folder)).toEqual(["README.md"]);
    expect(readFileSync(join(folder, "README.md"), "utf8")).toBe(CARD);
  });

  it("after SIGKILL leaves only a dot-named file, which lint ignores and the next write removes", async () => {
    const folder = folderWithCard();
    const { child, temporary } = await holdTemporaryFile(join(folder, "README.md"));
    const ended = exited(child);
    child.kill("SIGKILL");
    expect(await ended).toBe("SIGKILL");
    expect(readdirSync(folder).sort()).toEqual([basename(temporary), "README.md"].sort());
    const terminal = memoryIo();
    expect(await cli(["lint", folder, "--format", "json"], terminal.io)).toBeLessThan(2);
    expect(JSON.parse(terminal.stdout()).map((result: { filePath: string }) => basename(result.filePath))).toEqual([
      "README.md",
    ]);
    await writeFileAtomically(join(folder, "README.md"), "next run");
    expect(readdirSync(folder)).toEqual(["README.md"]);
  });

  it("leaves alone the temporary files of a run still going", async () => {
    const folder = folderWithCard();
    const live = `.README.md.${process.pid}.0123abcd.modelcard-tmp`;
    writeFileSync(join(folder, live), "being written");
    expect(await removeStaleTemporaryFiles(folder)).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual([live, "README.md"].sort());
  });
});
