import type { SourceReading } from "../facts.js";
import type { InputValues } from "../input-fields.js";
import { isHubRepoId } from "./is-hub-repo-id.js";
import { numberField } from "./number-field.js";
import { readJsonFile } from "./read-json-file.js";
import { stringField } from "./string-field.js";

export const ADAPTER_CONFIG_FILE = "adapter_config.json";

export interface AdapterFacts {
  values: InputValues;
  peftType: string;
  rank?: number;
  alpha?: number;
  targetModules: string[];
  /** True when the task type does not decide the Hub task (SEQ_2_SEQ_LM). */
  taskUndecided: boolean;
  /** The base model as this file names it when that is not a Hub model id (a local path): left out of the card. */
  baseModelPath?: string;
}

/** PEFT task types -> the architecture tag and the Hub task (none for SEQ_2_SEQ_LM: see architecture-task). */
const TASKS: Record<string, { kind: string; task: string | null }> = {
  CAUSAL_LM: { kind: "causal-lm", task: "text-generation" },
  SEQ_2_SEQ_LM: { kind: "seq2seq-lm", task: null },
  SEQ_CLS: { kind: "sequence-classification", task: "text-classification" },
  TOKEN_CLS: { kind: "token-classification", task: "token-classification" },
  QUESTION_ANS: { kind: "question-answering", task: "question-answering" },
  FEATURE_EXTRACTION: { kind: "feature-extraction", task: "feature-extraction" },
};

/** PEFT's `adapter_config.json`: the card is an adapter's (`library_name: peft`) on its base model. */
export async function readAdapterConfig(directory: string): Promise<SourceReading<AdapterFacts>> {
  const { facts: json, warnings } = await readJsonFile(directory, ADAPTER_CONFIG_FILE);
  if (!json) return { facts: null, warnings };
  const base = stringField(json, "base_model_name_or_path");
  const task = TASKS[stringField(json, "task_type") ?? ""];
  const modules = json.target_modules;
  return {
    facts: {
      ...(base && !isHubRepoId(base) ? { baseModelPath: base } : {}),
      values: {
        "library-name": "peft",
        "base-model": base && isHubRepoId(base) ? base : undefined,
        "architecture-kind": task?.kind,
        "pipeline-tag": task?.task ?? undefined,
      },
      taskUndecided: task !== undefined && task.task === null,
      peftType: stringField(json, "peft_type") ?? "LORA",
      rank: numberField(json, "r"),
      alpha: numberField(json, "lora_alpha"),
      targetModules: Array.isArray(modules)
        ? modules.filter((name): name is string => typeof name === "string")
        : typeof modules === "string"
          ? [modules]
          : [],
    },
    warnings,
  };
}
