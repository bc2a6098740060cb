import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import lintBatch from "../../src/lint/lint-worker.js";
import { BATCH_BYTES } from "../../src/lint/lint-worker-protocol.js";

describe("a lint thread's batch", () => {
  it("stops once it has read its share of bytes, handing the rest back", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-batch-"));
    const card = (name: string, body: string) => {
      writeFileSync(join(folder, name), `---\nlicense: mit\n---\n${body}`);
      return { path: join(folder, name), explicit: true };
    };
    const files = [card("big.md", "x".repeat(BATCH_BYTES)), card("small.md", "# Model\n")];
    const batch = { config: undefined, configPath: null, cwd: folder, fix: false };
    const results = await lintBatch({ ...batch, files });
    expect(results.map((result) => result?.file)).toEqual([files[0]?.path]);
    expect((await lintBatch({ ...batch, files: files.slice(1) })).map((result) => result?.file)).toEqual([
      files[1]?.path,
    ]);
  });
});
