import type { SourceReading } from "../facts.js";
import { readJsonFile } from "./read-json-file.js";
import { stringField } from "./string-field.js";

export interface GenerationFacts {
  /** Sampling defaults: temperature, top_p, top_k, max_new_tokens, do_sample, repetition_penalty. */
  sampling: Record<string, number | boolean>;
  transformersVersion?: string;
}

const SAMPLING_KEYS = ["do_sample", "temperature", "top_p", "top_k", "max_new_tokens", "repetition_penalty"];

/** transformers' `generation_config.json`: the sampling defaults the usage snippet mentions. */
export async function readGenerationConfig(directory: string): Promise<SourceReading<GenerationFacts>> {
  const { facts: json, warnings } = await readJsonFile(directory, "generation_config.json");
  if (!json) return { facts: null, warnings };
  const sampling: Record<string, number | boolean> = {};
  for (const key of SAMPLING_KEYS) {
    const value = json[key];
    if (typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) sampling[key] = value;
  }
  return { facts: { sampling, transformersVersion: stringField(json, "transformers_version") }, warnings };
}
