import { stat } from "node:fs/promises";
import { join } from "node:path";
import { FileAccessError } from "../errors/index.js";

/** The card a preview shows: the file given, or the README.md of the folder given (a run's output folder). */
export async function resolveCardPath(input: string): Promise<string> {
  let isFolder = false;
  try {
    isFolder = (await stat(input)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new FileAccessError("FILE_NOT_FOUND", input, `${input}: no such file or folder; check the path.`);
    }
    throw new FileAccessError("FILE_UNREADABLE", input, `${input}: cannot read (${(error as Error).message}).`);
  }
  if (!isFolder) return input;
  const card = join(input, "README.md");
  try {
    await stat(card);
  } catch {
    throw new FileAccessError(
      "FILE_NOT_FOUND",
      card,
      `${input}: the folder has no README.md; write the card first (modelcard generate --from ${input}).`,
    );
  }
  return card;
}
