import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ModelCard } from "../card/index.js";
import { FileAccessError } from "../errors/index.js";
import { nulByteReason } from "../io/binary-content-reason.js";
import { describeFileError } from "../io/describe-file-error.js";
import type { CliIo } from "./io.js";

/**
 * Loads the card at `path` (`-` reads stdin); a file that cannot be read, or that is binary, becomes a FileAccessError
 * naming the path and the reason.
 */
export async function readCardArgument(path: string, io: CliIo): Promise<ModelCard> {
  if (path === "-") return ModelCard.parse(await io.readStdin());
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(io.cwd, path));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    const reason = missing ? "no such file" : describeFileError(error);
    const code = missing ? "FILE_NOT_FOUND" : "FILE_UNREADABLE";
    throw new FileAccessError(code, path, `${path}: cannot read the card (${reason}); check the path.`);
  }
  const binary = nulByteReason(bytes);
  if (binary) {
    throw new FileAccessError("FILE_UNREADABLE", path, `${path}: not a text file (${binary}); a card is UTF-8 text`);
  }
  // Bytes that are not UTF-8 in a text card are a problem of the card (invalid-utf8): shown, and edits refused.
  return ModelCard.fromBytes(bytes);
}
