import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { MetadataConflictError, type ModelCard } from "../card/index.js";
import {
  EVAL_RESULTS_FOLDER,
  type EvalResultsEdit,
  EvalResultsFile,
  evalResultsFileName,
  formatEntryKey,
  keyOfEntryData,
  normalizeEvalResultsEntry,
  readEvalResultsFolder,
} from "../eval-results/index.js";
import type { EvalImportPlan } from "./plan-eval-import.js";

export interface ComputeEvalImportEditsParams {
  plan: EvalImportPlan;
  /** The model folder: its `.eval_results/` is read. */
  folder: string;
  /** The card the model-index results are added to; it is edited in place (verified edits). */
  card: ModelCard;
  /** Replace a different value for the same result or benchmark task instead of refusing. */
  overwrite?: boolean;
}

export interface EvalImportEdits {
  /** The card's text after the import (the card's own text when nothing changed). */
  cardText: string;
  /** The `.eval_results/` files that change, before and after; none when every entry is already there. */
  files: EvalResultsEdit[];
  /** Entries already present with the same value, notes and date: left as they are. */
  unchanged: number;
}

/**
 * The changes an import plan makes: its model-index results added to `card` through `addEvalResult` (a result
 * already there with the same value is no change) and its entries added to `.eval_results/` (one file per
 * benchmark; an entry equal to one there is no change). A different value for the same result or benchmark task
 * and notes is a MetadataConflictError unless `overwrite`; nothing is written here, so a refusal leaves every
 * file as it was.
 */
export async function computeEvalImportEdits(params: ComputeEvalImportEditsParams): Promise<EvalImportEdits> {
  const { plan, card } = params;
  const overwrite = Boolean(params.overwrite);
  if (plan.modelIndex.length > 0 && plan.modelName === null)
    throw new TypeError("no model name: the card has none and the results files name no model");
  for (const { file, task, metricKey, ...result } of plan.modelIndex) {
    try {
      card.addEvalResult(result, { overwrite, modelName: plan.modelName ?? undefined });
    } catch (error) {
      if (!(error instanceof MetadataConflictError)) throw error;
      throw new MetadataConflictError(
        error.key,
        `the card's model-index already has another value for ${task} ${metricKey} (${file}: ${String(result.metricValue)}); pass overwrite to replace it`,
      );
    }
  }

  const folder = await readEvalResultsFolder(params.folder);
  const texts = new Map<string, { before: string | null; after: string }>(
    folder.map(({ path, file }) => [path, { before: file.toString(), after: file.toString() }]),
  );
  let unchanged = 0;
  for (const { entry: planned } of plan.entries) {
    const entry = normalizeEvalResultsEntry(planned);
    const key = keyOfEntryData(entry);
    let holder: { path: string; file: EvalResultsFile; data: unknown } | undefined;
    for (const [path, text] of texts) {
      const file = EvalResultsFile.parse(text.after);
      const item = file.items.find((candidate) => isDeepStrictEqual(keyOfEntryData(candidate.data), key));
      if (item) {
        holder = { path, file, data: item.data };
        break;
      }
    }
    if (holder && key) {
      if (isDeepStrictEqual(holder.data, entry)) {
        unchanged++;
        continue;
      }
      if (!overwrite)
        throw new MetadataConflictError(
          formatEntryKey(key),
          `${relative(params.folder, holder.path)} already has a different score for ${formatEntryKey(key)}; pass overwrite to replace it`,
        );
      texts.get(holder.path)!.after = holder.file.replace(entry).toString();
      continue;
    }
    const path = join(params.folder, EVAL_RESULTS_FOLDER, evalResultsFileName(entry.dataset.id));
    const current = texts.get(path) ?? { before: null, after: "" };
    current.after = EvalResultsFile.parse(current.after).add(entry).toString();
    texts.set(path, current);
  }
  const files = [...texts]
    .filter(([, text]) => text.after !== text.before)
    .map(([path, text]) => ({ path, before: text.before, after: text.after }));
  return { cardText: card.toString(), files, unchanged };
}
