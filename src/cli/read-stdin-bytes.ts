import type { CliIo } from "./io.js";

/** Stdin's bytes, to decode as a file's are: `CliIo.readStdin` gives bytes, or text in tests (taken as UTF-8). */
export async function readStdinBytes(io: CliIo): Promise<Uint8Array> {
  const input = await io.readStdin();
  return typeof input === "string" ? Buffer.from(input, "utf8") : input;
}
