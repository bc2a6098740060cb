import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { MetadataConflictError } from "../card/index.js";
import {
  type EvalResultsEntry,
  formatEntryKey,
  keyOfEntryData,
  normalizeEvalResultsEntry,
} from "./eval-results-entry.js";
import { EvalResultsFile } from "./eval-results-file.js";
import { evalResultsFileName } from "./eval-results-file-name.js";
import { EVAL_RESULTS_FOLDER, readEvalResultsFolder } from "./read-eval-results-folder.js";
import { type EvalResultsEdit, writeEvalResultsEdit } from "./write-eval-results-edit.js";

export interface AddEvalResultsEntryParams {
  /** The model folder (the one holding README.md); its `.eval_results/` is created when missing. */
  folder: string;
  entry: EvalResultsEntry;
  /** Replace an entry of the same benchmark task and notes, wherever it is, instead of refusing. */
  overwrite?: boolean;
  /** The file a new entry goes to (default: named after the benchmark, e.g. `gpqa.yaml`). */
  fileName?: string;
  /** Compute the edit without writing it (default: write). */
  write?: boolean;
}

/**
 * Adds a score to a model folder's `.eval_results/`: at the end of the benchmark's file (created when missing), or,
 * with `overwrite`, in place of the entry of the same benchmark task and notes in whichever file holds it. Only
 * that entry's lines change; the result is read back with the Hub's reader before it is written (atomically).
 * Without `overwrite`, an existing entry is a MetadataConflictError; an edit that cannot be proven is a
 * CardEditRefusedError; nothing is written then.
 */
export async function addEvalResultsEntry(params: AddEvalResultsEntryParams): Promise<EvalResultsEdit> {
  const entry = normalizeEvalResultsEntry(params.entry);
  // Same benchmark task and same notes (or none on both): the same score.
  const key = keyOfEntryData(entry);
  const files = await readEvalResultsFolder(params.folder);
  const holder = files.find(({ file }) => file.items.some((item) => isDeepStrictEqual(keyOfEntryData(item.data), key)));
  let edit: EvalResultsEdit;
  if (holder && key) {
    if (!params.overwrite) {
      throw new MetadataConflictError(
        formatEntryKey(key),
        `${holder.path} already has a score for ${formatEntryKey(key)}; pass overwrite to replace it`,
      );
    }
    const before = holder.file.toString();
    edit = { path: holder.path, before, after: EvalResultsFile.parse(before).replace(entry).toString() };
  } else {
    const name = params.fileName ?? evalResultsFileName(entry.dataset.id);
    const existing = files.find((file) => file.name === name);
    const path = existing?.path ?? join(params.folder, EVAL_RESULTS_FOLDER, name);
    const before = existing ? existing.file.toString() : null;
    edit = {
      path,
      before,
      after: EvalResultsFile.parse(before ?? "")
        .add(entry)
        .toString(),
    };
  }
  if (params.write !== false) await writeEvalResultsEdit(edit);
  return edit;
}
