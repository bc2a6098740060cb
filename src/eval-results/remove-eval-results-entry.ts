import { CardEditRefusedError } from "../card/index.js";
import { type EvalResultsEntryKey, formatEntryKey } from "./eval-results-entry.js";
import { EvalResultsFile } from "./eval-results-file.js";
import { readEvalResultsFolder } from "./read-eval-results-folder.js";
import { type EvalResultsEdit, writeEvalResultsEdit } from "./write-eval-results-edit.js";

export interface RemoveEvalResultsEntryParams {
  /** The model folder (the one holding README.md). */
  folder: string;
  /** The benchmark task (and, when it has several setups, the notes) of the entry to remove. */
  key: EvalResultsEntryKey;
  /** Compute the edit without writing it (default: write). */
  write?: boolean;
}

/**
 * Removes one score from a model folder's `.eval_results/`: its lines, nothing else; a file left with nothing but
 * blank lines is removed. Refused (CardEditRefusedError, nothing written) when no entry, or more than one, matches.
 */
export async function removeEvalResultsEntry(params: RemoveEvalResultsEntryParams): Promise<EvalResultsEdit> {
  const files = await readEvalResultsFolder(params.folder);
  const holders = files.filter(({ file }) => file.find(params.key).length > 0);
  if (holders.length === 0) {
    throw new CardEditRefusedError(`no score for ${formatEntryKey(params.key)} in ${params.folder}/.eval_results/`);
  }
  if (holders.length > 1) {
    const names = holders.map((holder) => holder.name).join(", ");
    throw new CardEditRefusedError(
      `scores for ${formatEntryKey(params.key)} are in several files (${names}); remove them one by one by hand`,
    );
  }
  const holder = holders[0] as (typeof holders)[number];
  const before = holder.file.toString();
  const after = EvalResultsFile.parse(before).remove(params.key).toString();
  const edit: EvalResultsEdit = { path: holder.path, before, after: after.trim() === "" ? null : after };
  if (params.write !== false) await writeEvalResultsEdit(edit);
  return edit;
}
