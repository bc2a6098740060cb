import { stat } from "node:fs/promises";
import type { FieldFacts, Provenance, SourceReading } from "../facts.js";
import type { InputFieldName, InputValues } from "../input-fields.js";
import { ADAPTER_CONFIG_FILE, type AdapterFacts, readAdapterConfig } from "./adapter-config.js";
import { readChatTemplate } from "./chat-template.js";
import { type GenerationFacts, readGenerationConfig } from "./generation-config.js";
import { type GgufFacts, readGgufFiles } from "./gguf-files.js";
import { MODEL_CONFIG_FILE, type ModelConfigFacts, readModelConfig } from "./model-config.js";
import { readModelWeights, type WeightsFacts } from "./model-weights.js";
import { type QuantizedVariantFacts, readQuantizedVariants } from "./quantized-variants.js";
import { readTrainerState, TRAINER_STATE_FILE, type TrainerStateFacts } from "./trainer-state.js";
import { readTrainingConfig, TRAINING_CONFIG_FILE } from "./training-config.js";
import type { TrainingLog } from "./training-log.js";
import { readTrainingResults, type TrainingResultsFacts } from "./training-results.js";

/** Everything a training output directory told us, each input field with the file it came from. */
export interface RunFacts {
  directory: string;
  fields: FieldFacts;
  /** What the card takes from trainer_state.json's log_history; null without one. */
  trainingLog: TrainingLog | null;
  /** Final `eval_*` metrics, each with its file. */
  evalMetrics: Record<string, { value: number; file: string }>;
  config: ModelConfigFacts | null;
  adapter: AdapterFacts | null;
  weights: WeightsFacts | null;
  gguf: GgufFacts[];
  conversational: boolean;
  generation: GenerationFacts | null;
  trainerState: Omit<TrainerStateFacts, "values" | "log" | "evalMetrics" | "inferred"> | null;
  variants: QuantizedVariantFacts[];
  /** The file and value that name a model whose Hub task is not decided by it (T5, SEQ_2_SEQ_LM); null if none. */
  taskUndecidedBy: { file: string; what: string } | null;
  /** More hyperparameters, by the names transformers' card gives them, from training_config.json. */
  hyperparameters: Record<string, string | number>;
  /** The first file that names the base model by something other than a Hub id (a local path), and that name. */
  baseModelPath: { file: string; key: string; value: string } | null;
  /** Seconds, from the results files or the log's final summary. */
  trainRuntime: number | null;
  /** The file that gave trainRuntime. */
  trainRuntimeFrom: string | null;
}

/**
 * Adds the values a file gives to fields no earlier file gave. A value the file states is `run <file>`; one
 * inferred from it (`inferred[name]` says how) is `derived`, naming the file and how.
 */
function addFields(
  fields: FieldFacts,
  values: InputValues | undefined,
  file: (name: InputFieldName) => string,
  inferred: Partial<Record<InputFieldName, string>> = {},
) {
  for (const [name, value] of Object.entries(values ?? {}) as [InputFieldName, unknown][]) {
    if (value === undefined || fields[name]) continue;
    const how = inferred[name];
    const from: Provenance = how
      ? { kind: "derived", detail: `from ${file(name)}, ${how}` }
      : { kind: "run", detail: file(name) };
    (fields as Record<string, unknown>)[name] = { value, from };
  }
}

function trainRuntime(
  results: TrainingResultsFacts | null,
  log: TrainingLog | null,
): Pick<RunFacts, "trainRuntime" | "trainRuntimeFrom"> {
  if (results?.trainRuntime !== undefined) {
    return { trainRuntime: results.trainRuntime, trainRuntimeFrom: results.fileOf.train_runtime ?? null };
  }
  const logged = log?.summary?.train_runtime;
  return logged === undefined
    ? { trainRuntime: null, trainRuntimeFrom: null }
    : { trainRuntime: logged, trainRuntimeFrom: TRAINER_STATE_FILE };
}

/**
 * Reads whatever a fine-tuning run left in `directory` (see the reference on training-run outputs). Every file
 * is optional; an unusable one becomes a warning naming it. Weights are read by their headers only.
 * Where two files give the same field, the more explicit one wins: adapter_config.json, training_config.json,
 * the results files, trainer_state.json, then config.json.
 */
export async function readRunDirectory(directory: string): Promise<SourceReading<RunFacts>> {
  const info = await stat(directory).catch(() => null);
  if (!info?.isDirectory()) {
    return {
      facts: null,
      warnings: [{ code: "unreadable-file", file: ".", message: `${directory} is not a readable directory` }],
    };
  }
  const [adapter, trainingConfig, results, trainerState, config, chat, generation, weights, gguf, variants] =
    await Promise.all([
      readAdapterConfig(directory),
      readTrainingConfig(directory),
      readTrainingResults(directory),
      readTrainerState(directory),
      readModelConfig(directory),
      readChatTemplate(directory),
      readGenerationConfig(directory),
      readModelWeights(directory),
      readGgufFiles(directory),
      readQuantizedVariants(directory),
    ]);
  const fields: FieldFacts = {};
  addFields(fields, adapter.facts?.values, () => ADAPTER_CONFIG_FILE);
  addFields(fields, trainingConfig.facts?.values, () => TRAINING_CONFIG_FILE);
  const resultKeys: Partial<Record<InputFieldName, string>> = {
    "training-loss": "train_loss",
    "validation-loss": "eval_loss",
    perplexity: "perplexity",
    "dataset-sample-size": "train_samples",
  };
  addFields(
    fields,
    results.facts?.values,
    (name) => results.facts?.fileOf[resultKeys[name] ?? ""] ?? "all_results.json",
  );
  addFields(fields, trainerState.facts?.values, () => TRAINER_STATE_FILE, trainerState.facts?.inferred);
  addFields(fields, config.facts?.values, () => MODEL_CONFIG_FILE);
  const firstGguf = gguf.facts?.[0];
  if (firstGguf && !config.facts && !adapter.facts) {
    // Only GGUF weights: a llama.cpp model.
    addFields(fields, { "library-name": "gguf", family: firstGguf.architecture ?? undefined }, () => firstGguf.file);
  }

  const evalMetrics: RunFacts["evalMetrics"] = {};
  for (const [key, value] of Object.entries(trainerState.facts?.evalMetrics ?? {})) {
    evalMetrics[key] = { value, file: TRAINER_STATE_FILE };
  }
  for (const [key, value] of Object.entries(results.facts?.evalMetrics ?? {})) {
    evalMetrics[key] = { value, file: results.facts?.fileOf[key] ?? "all_results.json" };
  }
  const {
    values: _values,
    log = null,
    evalMetrics: _metrics,
    inferred: _inferred,
    ...state
  } = trainerState.facts ?? {};
  return {
    facts: {
      directory,
      fields,
      trainingLog: log,
      evalMetrics,
      config: config.facts,
      adapter: adapter.facts,
      weights: weights.facts,
      gguf: gguf.facts ?? [],
      conversational: chat.facts?.conversational ?? false,
      generation: generation.facts,
      trainerState: trainerState.facts ? state : null,
      variants: variants.facts ?? [],
      hyperparameters: trainingConfig.facts?.hyperparameters ?? {},
      baseModelPath: adapter.facts?.baseModelPath
        ? { file: ADAPTER_CONFIG_FILE, key: "base_model_name_or_path", value: adapter.facts.baseModelPath }
        : trainingConfig.facts?.baseModelPath
          ? { file: TRAINING_CONFIG_FILE, key: "model_name", value: trainingConfig.facts.baseModelPath }
          : config.facts?.baseModelPath
            ? { file: MODEL_CONFIG_FILE, key: "_name_or_path", value: config.facts.baseModelPath }
            : null,
      taskUndecidedBy: config.facts?.taskUndecided
        ? { file: MODEL_CONFIG_FILE, what: config.facts.architecture ?? "the architecture" }
        : adapter.facts?.taskUndecided
          ? { file: ADAPTER_CONFIG_FILE, what: "task_type SEQ_2_SEQ_LM" }
          : null,
      ...trainRuntime(results.facts, log),
    },
    warnings: [
      adapter,
      trainingConfig,
      results,
      trainerState,
      config,
      chat,
      generation,
      weights,
      gguf,
      variants,
    ].flatMap((reading) => reading.warnings),
  };
}
