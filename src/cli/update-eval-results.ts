import { relative } from "node:path";
import { createTwoFilesPatch } from "diff";
import { CardEditRefusedError, MetadataConflictError } from "../card/index.js";
import {
  addEvalResultsEntry,
  type EvalResultsEdit,
  type EvalResultsEntry,
  type EvalResultsEntryKey,
  removeEvalResultsEntry,
} from "../eval-results/index.js";
import type { CliIo } from "./io.js";

export interface EvalResultsChanges {
  folder: string;
  add: readonly EvalResultsEntry[];
  remove: readonly EvalResultsEntryKey[];
  overwrite: boolean;
  dryRun: boolean;
}

/**
 * `update --add-result / --remove-result`: each change edits one file of `folder/.eval_results/`, one after the
 * other (with `--dry-run`, each is shown as a diff against the files as they are). Returns false, having said why
 * on stderr, when a change is refused; the changes before it stay made.
 */
export async function updateEvalResults(changes: EvalResultsChanges, io: CliIo): Promise<boolean> {
  const write = !changes.dryRun;
  const name = (path: string) => relative(io.cwd, path) || path;
  const report = (edit: EvalResultsEdit) => {
    const file = name(edit.path);
    if (changes.dryRun) {
      io.stdout(
        createTwoFilesPatch(file, file, edit.before ?? "", edit.after ?? "", undefined, undefined, { context: 3 }),
      );
    } else {
      io.stderr(`${edit.after === null ? "removed" : edit.before === null ? "created" : "updated"} ${file}\n`);
    }
  };
  try {
    for (const entry of changes.add) {
      report(await addEvalResultsEntry({ folder: changes.folder, entry, overwrite: changes.overwrite, write }));
    }
    for (const key of changes.remove) report(await removeEvalResultsEntry({ folder: changes.folder, key, write }));
  } catch (error) {
    if (!(error instanceof CardEditRefusedError || error instanceof MetadataConflictError)) throw error;
    const hint = error instanceof MetadataConflictError ? " (pass --overwrite to replace it)" : "";
    io.stderr(
      `modelcard update: ${error.message.replace(/; pass overwrite to replace it$/, "")}${hint}; nothing was written.\n`,
    );
    return false;
  }
  return true;
}
