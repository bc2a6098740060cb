import { join, relative, resolve } from "node:path";
import { Command } from "commander";
import { createTwoFilesPatch } from "diff";
import { CardEditRefusedError, MetadataConflictError, ModelCard, readHubYaml } from "../../card/index.js";
import { FileAccessError } from "../../errors/index.js";
import {
  type BenchmarkTaskIds,
  computeEvalImportEdits,
  type HarnessResults,
  planEvalImport,
  readHarnessResults,
} from "../../eval-import/index.js";
import { writeEvalResultsEdit } from "../../eval-results/write-eval-results-edit.js";
import { readCardFile } from "../../io/read-card-file.js";
import { findLintConfig, LintConfigError, loadLintConfig } from "../../lint/index.js";
import type { DefineCommand } from "../command.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { isOffline } from "../hub-card-target.js";
import type { CliIo } from "../io.js";
import { readCardArgument } from "../read-card.js";
import { withTaskIdsFromHub } from "../with-task-ids-from-hub.js";

interface ImportFlags {
  dir: string;
  subtasks?: boolean;
  modelName?: string;
  taskId: string[];
  map?: string;
  metric: string[];
  scale: string;
  overwrite?: boolean;
  dryRun?: boolean;
  json?: boolean;
  offline?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `NAME=VALUE` flags into a record (the last one wins). */
function assignments(flag: string, values: readonly string[], example: string): Record<string, string> {
  return Object.fromEntries(
    values.map((value) => {
      const equals = value.lastIndexOf("=");
      if (equals <= 0 || equals === value.length - 1) throw new UsageError(`${flag} ${value}: expected ${example}`);
      return [value.slice(0, equals).trim(), value.slice(equals + 1).trim()];
    }),
  );
}

/** `--map FILE`: YAML or JSON, `DATASET_ID: TASK_ID` or `DATASET_ID: {SUBSET: TASK_ID}`. */
async function readTaskIdMap(path: string, io: CliIo): Promise<BenchmarkTaskIds> {
  const text = (await readCardFile(resolve(io.cwd, path), path)).toString("utf8");
  const reading = readHubYaml(text);
  const map = reading.ok ? reading.value : undefined;
  const valid =
    typeof map === "object" &&
    map !== null &&
    !Array.isArray(map) &&
    Object.values(map).every(
      (value) =>
        typeof value === "string" ||
        (typeof value === "object" &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value).every((id) => typeof id === "string")),
    );
  if (!valid)
    throw new UsageError(
      `--map ${path}: expected a mapping of dataset ids to task ids (Idavidrein/gpqa: gpqa_diamond) or to {subset: task id}`,
    );
  return map as BenchmarkTaskIds;
}

async function importResults(files: string[], flags: ImportFlags, io: CliIo): Promise<number> {
  if (flags.scale !== "fraction" && flags.scale !== "percent")
    throw new UsageError(`--scale ${flags.scale}: expected fraction or percent`);
  const results: HarnessResults[] = [];
  for (const file of files) {
    const bytes = await readCardFile(resolve(io.cwd, file), file);
    results.push(readHarnessResults(bytes.toString("utf8"), file));
  }
  const folder = resolve(io.cwd, flags.dir);
  const cardPath = join(folder, "README.md");
  const cardName = relative(io.cwd, cardPath) || cardPath;
  let card: ModelCard;
  let cardExists = true;
  try {
    card = await readCardArgument(cardPath, io);
  } catch (error) {
    if (!(error instanceof FileAccessError && error.code === "FILE_NOT_FOUND")) throw error;
    card = ModelCard.parse("");
    cardExists = false;
  }
  let configured: BenchmarkTaskIds = {};
  try {
    configured = (await loadLintConfig(findLintConfig(folder) ?? undefined, folder)).evalTaskIds ?? {};
  } catch (error) {
    if (error instanceof LintConfigError) throw new UsageError(error.message);
    throw error;
  }
  // Highest last: the config file, then --map, then --task-id.
  const given: BenchmarkTaskIds = {
    ...configured,
    ...(flags.map === undefined ? {} : await readTaskIdMap(flags.map, io)),
    ...assignments("--task-id", flags.taskId, "DATASET_ID=TASK_ID, e.g. Idavidrein/gpqa=gpqa_diamond"),
  };
  const base = {
    results,
    card,
    modelName: flags.modelName,
    subtasks: Boolean(flags.subtasks),
    metrics: assignments("--metric", flags.metric, "TASK=KEY, e.g. gsm8k=exact_match,flexible-extract"),
    scale: flags.scale,
  } as const;
  let plan = planEvalImport({ ...base, taskIds: given });
  if (plan.missingTaskIds.length > 0 && !isOffline(io, flags.offline)) {
    plan = planEvalImport({ ...base, taskIds: await withTaskIdsFromHub(plan.missingTaskIds, given, io) });
  }
  if (plan.modelIndex.length > 0 && plan.modelName === null)
    throw new UsageError(`${cardName} names no model and the results files name no Hub model; pass --model-name`);

  let edits: Awaited<ReturnType<typeof computeEvalImportEdits>>;
  const before = card.toString();
  try {
    edits = await computeEvalImportEdits({ plan, folder, card, overwrite: Boolean(flags.overwrite) });
  } catch (error) {
    if (!(error instanceof MetadataConflictError || error instanceof CardEditRefusedError)) throw error;
    const message = error.message.replace(/[.;] ?(Set `overwrite=True`|pass overwrite).*$/, "");
    const hint = error instanceof MetadataConflictError ? " (pass --overwrite to replace it)" : "";
    io.stderr(`modelcard eval import: ${message}${hint}; nothing was written.\n`);
    return EXIT.refused;
  }
  const name = (path: string) => relative(io.cwd, path) || path;
  const changes = [
    ...(edits.cardText === before
      ? []
      : [{ path: cardPath, before: cardExists ? before : null, after: edits.cardText }]),
    ...edits.files,
  ];
  if (flags.json) {
    const { modelName, modelIndex, entries, skipped } = plan;
    const changed = changes.map((change) => name(change.path));
    io.stdout(`${JSON.stringify({ modelName, modelIndex, entries, skipped, changed }, null, 2)}\n`);
  }
  if (flags.dryRun) {
    if (!flags.json) {
      for (const change of changes) {
        const file = name(change.path);
        io.stdout(
          createTwoFilesPatch(file, file, change.before ?? "", change.after ?? "", undefined, undefined, {
            context: 3,
          }),
        );
      }
    }
  } else {
    for (const change of changes) {
      await writeEvalResultsEdit(change);
      io.stderr(`${change.before === null ? "created" : "updated"} ${name(change.path)}\n`);
    }
  }
  if (changes.length === 0) io.stderr("nothing to change: every result is already there\n");
  if (!flags.json) {
    for (const { file, task, reason } of plan.skipped)
      io.stderr(`no .eval_results/ entry for ${task} (${file}): ${reason}\n`);
  }
  return EXIT.ok;
}

export const evalCommand: DefineCommand = ({ io, exit }) => {
  const command = new Command("eval").description(
    "Import evaluation-harness results (lm-evaluation-harness, lighteval) into the card's model-index and .eval_results/.",
  );
  command
    .command("import")
    .description(
      "Add the scores of lm-evaluation-harness or lighteval results files to DIR/README.md's model-index and, for registered Hub benchmarks, to DIR/.eval_results/.",
    )
    .argument("<files...>", "results_*.json files written by lm-evaluation-harness or lighteval")
    .option("--dir <dir>", "the model's folder: README.md and .eval_results/", ".")
    .option("--subtasks", "import the subtasks of groups too (default: top-level tasks and groups)")
    .option(
      "--model-name <name>",
      "the model-index entry's name (default: the card's, the results' model, the card's heading)",
    )
    .option(
      "--task-id <dataset=task>",
      "the benchmark task id of a registered benchmark (repeatable), e.g. Idavidrein/gpqa=gpqa_diamond",
      collect,
      [],
    )
    .option(
      "--map <file>",
      "a YAML or JSON file of benchmark task ids: DATASET_ID: TASK_ID or DATASET_ID: {SUBSET: TASK_ID}",
    )
    .option(
      "--metric <task=key>",
      "the metric key whose value goes to .eval_results/ for a task (repeatable), e.g. gsm8k=exact_match,flexible-extract",
      collect,
      [],
    )
    .option("--scale <scale>", ".eval_results/ values: fraction (the harness's 0-1) or percent", "fraction")
    .option("--overwrite", "replace a different value already there for the same result or benchmark task")
    .option("--dry-run", "print a diff on stdout instead of writing")
    .option("--json", "print the plan as JSON on stdout: model-index results, entries, tasks without an entry")
    .option("--offline", "never contact the Hub for a benchmark's eval.yaml (also HF_HUB_OFFLINE=1)")
    .action(async (files: string[], flags: ImportFlags) => {
      exit(await importResults(files, flags, io));
    });
  return command;
};
