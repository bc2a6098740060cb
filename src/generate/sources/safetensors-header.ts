import { open } from "node:fs/promises";
import { join } from "node:path";
import type { SourceReading } from "../facts.js";

/** safetensors itself refuses headers above 100 MB. */
const MAX_HEADER_BYTES = 100 * 1024 * 1024;

export interface SafetensorsFacts {
  parameters: number;
  /** Parameters per dtype (`BF16`, `F32`, `I8`, ...). */
  parametersByDtype: Record<string, number>;
  /** Bytes of tensor data the header describes. */
  dataBytes: number;
  metadata: Record<string, string>;
}

interface TensorEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

function isTensorEntry(value: unknown): value is TensorEntry {
  if (typeof value !== "object" || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.dtype === "string" &&
    Array.isArray(entry.shape) &&
    entry.shape.every((size) => Number.isSafeInteger(size) && size >= 0) &&
    Array.isArray(entry.data_offsets) &&
    entry.data_offsets.length === 2 &&
    entry.data_offsets.every((offset) => Number.isSafeInteger(offset) && offset >= 0)
  );
}

/**
 * Reads only the header of a safetensors file (8-byte little-endian length, then JSON), never the weights, so
 * its cost does not depend on the file's size. A header that claims more bytes than the file holds, or than
 * safetensors allows, is a warning, not an allocation.
 */
export async function readSafetensorsHeader(directory: string, file: string): Promise<SourceReading<SafetensorsFacts>> {
  const skip = (message: string): SourceReading<SafetensorsFacts> => ({
    facts: null,
    warnings: [{ code: "invalid-safetensors", file, message: `${message}; its parameters and size were skipped` }],
  });
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(join(directory, file), "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { facts: null, warnings: [{ code: "unreadable-file", file, message: `cannot read it (${code}); skipped` }] };
  }
  try {
    const { size } = await handle.stat();
    const prefix = Buffer.alloc(8);
    const { bytesRead } = await handle.read(prefix, 0, 8, 0);
    if (bytesRead < 8) return skip("the file is shorter than a safetensors header");
    const declared = prefix.readBigUInt64LE(0);
    if (declared > BigInt(MAX_HEADER_BYTES) || declared > BigInt(size - 8)) {
      return skip(`the header claims ${declared} bytes but the file holds ${size}`);
    }
    const length = Number(declared);
    const headerBuffer = Buffer.alloc(length);
    await handle.read(headerBuffer, 0, length, 8);
    let header: unknown;
    try {
      header = JSON.parse(headerBuffer.toString("utf8"));
    } catch (error) {
      return skip(`the header is not valid JSON (${(error as Error).message})`);
    }
    if (typeof header !== "object" || header === null || Array.isArray(header)) {
      return skip("the header is not a JSON object");
    }
    const parametersByDtype: Record<string, number> = {};
    let parameters = 0;
    let dataBytes = 0;
    let metadata: Record<string, string> = {};
    for (const [name, entry] of Object.entries(header)) {
      if (name === "__metadata__") {
        metadata = Object.fromEntries(
          Object.entries(entry ?? {}).filter((pair): pair is [string, string] => typeof pair[1] === "string"),
        );
        continue;
      }
      if (!isTensorEntry(entry)) return skip(`tensor "${name}" has no valid dtype, shape and data_offsets`);
      const count = entry.shape.reduce((product, dimension) => product * dimension, 1);
      parameters += count;
      parametersByDtype[entry.dtype] = (parametersByDtype[entry.dtype] ?? 0) + count;
      dataBytes = Math.max(dataBytes, entry.data_offsets[1]);
    }
    if (8 + length + dataBytes > size) {
      return skip(`the header describes ${dataBytes} bytes of tensors but the file holds ${size - 8 - length}`);
    }
    return { facts: { parameters, parametersByDtype, dataBytes, metadata }, warnings: [] };
  } catch (error) {
    return skip(`cannot read it (${(error as Error).message})`);
  } finally {
    await handle.close();
  }
}
