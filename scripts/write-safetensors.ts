import { open } from "node:fs/promises";

export interface TensorSpec {
  name: string;
  dtype: "BF16" | "F16" | "F32" | "I8" | "U8";
  shape: number[];
}

const BYTES_PER_ELEMENT = { BF16: 2, F16: 2, F32: 4, I8: 1, U8: 1 } as const;

/**
 * Writes a real safetensors file: 8-byte little-endian header length, the JSON header (padded to 8 bytes),
 * then the tensor data. `fill` gives each tensor's bytes; without it the data is left as a hole, so a file
 * that declares gigabytes takes no disk space (a sparse file) while its header stays truthful.
 */
export async function writeSafetensors(
  path: string,
  tensors: readonly TensorSpec[],
  fill?: (tensor: TensorSpec, bytes: number) => Buffer,
  metadata: Record<string, string> = { format: "pt" },
): Promise<number> {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const tensor of tensors) {
    const bytes = tensor.shape.reduce((product, size) => product * size, 1) * BYTES_PER_ELEMENT[tensor.dtype];
    header[tensor.name] = { dtype: tensor.dtype, shape: tensor.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  const file = await open(path, "w");
  try {
    await file.write(Buffer.concat([prefix, Buffer.from(json)]));
    const dataStart = 8 + Buffer.byteLength(json);
    if (fill) {
      let position = dataStart;
      for (const tensor of tensors) {
        const spec = header[tensor.name] as { data_offsets: [number, number] };
        const bytes = spec.data_offsets[1] - spec.data_offsets[0];
        await file.write(fill(tensor, bytes), 0, bytes, position);
        position += bytes;
      }
    }
    await file.truncate(dataStart + offset);
  } finally {
    await file.close();
  }
  return offset;
}
