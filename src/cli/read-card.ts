import { readFile } from "node:fs/promises";
import { ModelCard } from "../card/index.js";
import { binaryContentReason } from "../io/binary-content-reason.js";
import { describeFileError } from "../io/describe-file-error.js";
import { FileError } from "./exit-codes.js";
import type { CliIo } from "./io.js";

/**
 * Loads the card at `path` (`-` reads stdin); a file that cannot be read, or that is not text, becomes a FileError
 * naming the path and the reason.
 */
export async function readCardArgument(path: string, io: CliIo): Promise<ModelCard> {
  if (path === "-") return ModelCard.parse(await io.readStdin());
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : describeFileError(error);
    throw new FileError(`${path}: cannot read the card (${reason}); check the path.`);
  }
  const binary = binaryContentReason(bytes);
  if (binary) throw new FileError(`${path}: not a text file (${binary}); a card is UTF-8 text`);
  return ModelCard.parse(bytes.toString("utf8"));
}
