import { FileAccessError } from "../errors/file-access-error.js";
import { ModelCard } from "./model-card.js";

/**
 * A card file's bytes as every command reads them: through `ModelCard.fromBytes`, so that bytes that are not UTF-8
 * are the card's `invalid-utf8` problem alike everywhere. Binary content (a NUL byte) is no card: a
 * FileAccessError naming `name` and the byte.
 */
export function cardFromFileBytes(bytes: Uint8Array, name: string): ModelCard {
  const card = ModelCard.fromBytes(bytes);
  const binary = card.readerProblems.find((problem) => problem.code === "binary-content");
  if (binary) throw new FileAccessError("FILE_UNREADABLE", name, `${name}: ${binary.message}`);
  return card;
}
