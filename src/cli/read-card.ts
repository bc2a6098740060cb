import { ModelCard } from "../card/index.js";
import { FileError } from "./exit-codes.js";
import type { CliIo } from "./io.js";

/** Loads the card at `path` (`-` reads stdin); unreadable files become a FileError naming the path. */
export async function readCardArgument(path: string, io: CliIo): Promise<ModelCard> {
  if (path === "-") return ModelCard.parse(await io.readStdin());
  try {
    return await ModelCard.load(path);
  } catch (error) {
    throw new FileError((error as Error).message);
  }
}
