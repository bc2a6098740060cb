import { resolve } from "node:path";
import { cardFromFileBytes } from "../card/card-from-file-bytes.js";
import type { ModelCard } from "../card/index.js";
import { readCardFile } from "../io/read-card-file.js";
import type { CliIo } from "./io.js";
import { readStdinBytes } from "./read-stdin-bytes.js";

/**
 * Loads the card at `path` (`-` reads stdin) through `ModelCard.fromBytes`, as every command does. A file that
 * cannot be read (missing, a folder, a FIFO or device: never waited on) or that holds binary content becomes a
 * FileAccessError naming the path and the reason; bytes that are not UTF-8 are a problem of the card.
 */
export async function readCardArgument(path: string, io: CliIo): Promise<ModelCard> {
  const bytes = path === "-" ? await readStdinBytes(io) : await readCardFile(resolve(io.cwd, path), path);
  return cardFromFileBytes(bytes, path);
}
