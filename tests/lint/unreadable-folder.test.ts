import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { cli } from "../../src/cli/main.js";

// Tests run as root, where no folder is unreadable: listing a folder named "locked" fails as EACCES would.
vi.mock("node:fs/promises", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...original,
    opendir: (path: string, options?: object) =>
      path.endsWith("locked")
        ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, opendir '${path}'`), { code: "EACCES" }))
        : original.opendir(path, options),
  };
});

describe("a folder that cannot be listed", () => {
  it("is reported with its path and reason, and the run goes on", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-lint-"));
    for (const name of ["a", "locked", "z"]) {
      mkdirSync(join(folder, name));
      writeFileSync(join(folder, name, "README.md"), "---\nlicense: mit\n---\n");
    }
    const out: string[] = [];
    const io = {
      stdout: (text: string) => void out.push(text),
      stderr: () => {},
      readStdin: async () => "",
      env: {},
      cwd: folder,
      isTTY: false,
    };
    expect(await cli(["lint", ".", "--format", "json", "--quiet"], io)).toBe(2);
    const results = JSON.parse(out.join("")) as {
      filePath: string;
      fatalErrorCount: number;
      messages: { message: string }[];
    }[];
    expect(results.map((result) => [result.filePath, result.fatalErrorCount])).toEqual([
      ["a/README.md", 0],
      ["locked", 1],
      ["z/README.md", 0],
    ]);
    expect(results[1]?.messages[0]?.message).toBe(
      `${join(folder, "locked")}: cannot read the folder (permission denied); its cards were not linted.`,
    );
  });
});
