import { mkdir, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { FileAccessError } from "../errors/index.js";
import { describeFileError } from "../io/describe-file-error.js";
import { writeFileAtomically } from "../io/write-file-atomically.js";

/** A change to one `.eval_results/` file: its text before (null: new) and after (null: the file is removed). */
export interface EvalResultsEdit {
  path: string;
  before: string | null;
  after: string | null;
}

/**
 * Writes an edit of a model folder's file (a score file, or the card beside it) atomically, creating its folder when
 * needed, or removes the file it empties.
 */
export async function writeEvalResultsEdit(edit: EvalResultsEdit): Promise<void> {
  if (edit.after === null) {
    try {
      await rm(edit.path);
    } catch (error) {
      const message = `${edit.path}: cannot remove the file (${describeFileError(error)}); nothing was changed.`;
      throw new FileAccessError("FILE_NOT_WRITTEN", edit.path, message, { cause: error });
    }
    return;
  }
  try {
    await mkdir(dirname(edit.path), { recursive: true });
  } catch (error) {
    const message = `${dirname(edit.path)}: cannot create the folder (${describeFileError(error)}); nothing was written.`;
    throw new FileAccessError("FILE_NOT_WRITTEN", edit.path, message, { cause: error });
  }
  await writeFileAtomically(edit.path, edit.after);
}
