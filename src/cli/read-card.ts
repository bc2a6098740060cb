import { resolve } from "node:path";
import { ModelCard } from "../card/index.js";
import { FileAccessError } from "../errors/index.js";
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
  const card = ModelCard.fromBytes(bytes);
  const binary = card.readerProblems.find((problem) => problem.code === "binary-content");
  if (binary) throw new FileAccessError("FILE_UNREADABLE", path, `${path}: ${binary.message}`);
  return card;
}
