import { mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DescriptorBlob } from "../../src/hub/descriptor-blob.js";

describe("DescriptorBlob", () => {
  it("reads the file it was opened on, sliced, streamed or whole, even after its path leads elsewhere", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modelcard-blob-"));
    const path = join(dir, "model.safetensors");
    writeFileSync(path, "0123456789");
    const handle = await open(path, "r");
    try {
      // The path now names another file: the blob still reads the one it was opened on.
      renameSync(path, join(dir, "old"));
      writeFileSync(path, "swapped!!!");
      const blob = new DescriptorBlob(handle, 0, 10, () => new Error("truncated"));
      expect(blob.size).toBe(10);
      expect(await blob.text()).toBe("0123456789");
      expect(await blob.slice(2, 5).text()).toBe("234");
      expect(Buffer.from(await blob.slice(8).arrayBuffer()).toString()).toBe("89");
      const chunks: Uint8Array[] = [];
      for await (const chunk of blob.slice(1, 9).stream()) chunks.push(chunk);
      expect(Buffer.concat(chunks).toString()).toBe("12345678");
      await expect(new DescriptorBlob(handle, 0, 20, () => new Error("shorter than planned")).text()).rejects.toThrow(
        "shorter than planned",
      );
    } finally {
      await handle.close();
    }
  });
});
