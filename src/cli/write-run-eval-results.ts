import { CardEditRefusedError, MetadataConflictError, ModelCard } from "../card/index.js";
import { computeEvalImportEdits, type EvalImportPlan } from "../eval-import/index.js";
import { writeEvalResultsEdit } from "../eval-results/write-eval-results-edit.js";
import type { CliIo } from "./io.js";

/**
 * After `generate --from RUN` wrote its card: the harness results' `.eval_results/` entries written beside it, as
 * `eval import` writes them (an entry already there is no change). A different score already there is a note and
 * nothing of `.eval_results/` is written: replacing one is `eval import --overwrite`'s to do.
 */
export async function writeRunEvalResults(
  plan: EvalImportPlan,
  folder: string,
  cardText: string,
  io: CliIo,
): Promise<void> {
  // The card already holds the model-index results: only the entries are taken from the edits.
  const withoutModelIndex = { ...plan, modelIndex: [] };
  let files: Awaited<ReturnType<typeof computeEvalImportEdits>>["files"];
  try {
    ({ files } = await computeEvalImportEdits({ plan: withoutModelIndex, folder, card: ModelCard.parse(cardText) }));
  } catch (error) {
    if (!(error instanceof MetadataConflictError || error instanceof CardEditRefusedError)) throw error;
    const reason = error.message.replace(/; pass overwrite to replace it$/, "");
    io.stderr(
      `note: no .eval_results/ entry written: ${reason}; use modelcard eval import --overwrite to replace it\n`,
    );
    return;
  }
  for (const file of files) {
    // Generate adds entries; it never removes a file.
    if (file.after === null) continue;
    await writeEvalResultsEdit(file);
    io.stderr(`wrote ${file.path}\n`);
  }
}
