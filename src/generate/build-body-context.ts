import { stringify } from "yaml";
import type { Metadata } from "../card/index.js";
import { formatBytes } from "../io/format-bytes.js";
import type { BuiltMetadata } from "./build-metadata.js";
import type { FieldFacts } from "./facts.js";
import { formatQuantity } from "./format-quantity.js";
import type { RunFacts } from "./sources/read-run-directory.js";
import { buildTrainingResultsTable } from "./training-results-table.js";

export interface Row {
  label: string;
  value: string;
}

/** What a body template sees. Lists are empty and values null when unknown, so `{% if %}` drops a section. */
export interface BodyContext {
  /** The metadata as YAML, for templates in huggingface_hub's style (`{{ card_data }}`). */
  card_data: string;
  metadata: Metadata;
  model_id: string | null;
  model_name: string | null;
  repo_name: string | null;
  repo_url: string | null;
  base_model: string | null;
  base_model_url: string | null;
  is_adapter: boolean;
  peft_type: string | null;
  dataset_name: string | null;
  dataset_url: string | null;
  language: string | null;
  license: string | null;
  model_type: string | null;
  trainer_type: string | null;
  pipeline_tag: string | null;
  details: Row[];
  usage: {
    repo: string;
    model_class: string | null;
    conversational: boolean;
    sampling: string;
    variants: { label: string }[];
  } | null;
  training_configuration: Row[];
  hyperparameters: Row[];
  results_table: { columns: string[]; rows: string[][] } | null;
  curves_image: string | null;
  evaluation: Row[];
  quantized_variants: { name: string; memory_reduction: string | null; speedup: string | null }[];
  hardware: string | null;
  training_time: string | null;
  limitations: boolean;
  citation_bibtex: string | null;
  framework_versions: Row[];
}

const MODEL_CLASSES: Record<string, string> = {
  "causal-lm": "AutoModelForCausalLM",
  "seq2seq-lm": "AutoModelForSeq2SeqLM",
};

function rows(entries: readonly [string, string | number | undefined | null][]): Row[] {
  return entries
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== null)
    .map(([label, value]) => ({ label, value: typeof value === "number" ? formatQuantity(value) : value }));
}

function duration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  return hours > 0 ? `${hours} h ${minutes} min` : `${Math.max(1, minutes)} min`;
}

function bibtex(repo: string, title: string, author: string | null): string {
  const key = repo.replace(/[^A-Za-z0-9]+/g, "_").toLowerCase();
  return [
    `@misc{${key},`,
    `  title = {${title}},`,
    ...(author ? [`  author = {${author}},`] : []),
    `  howpublished = {\\url{https://huggingface.co/${repo}}},`,
    "}",
  ].join("\n");
}

/** Everything the body shows, from the built metadata, the resolved fields and the run's facts. */
export function buildBodyContext(
  built: BuiltMetadata,
  fields: FieldFacts,
  run: RunFacts | null,
  curvesImage: string | null,
): BodyContext {
  const value = <Name extends keyof FieldFacts>(name: Name) => fields[name]?.value ?? null;
  const repo = value("repo-name");
  const base = value("base-model");
  const datasetRepo = value("dataset-repo");
  const kind = value("architecture-kind");
  const libraryName = value("library-name");
  const isAdapter = Boolean(run?.adapter) || libraryName === "peft";
  const weights = run?.weights;
  const sampling = Object.entries(run?.generation?.sampling ?? {})
    .filter(([key]) => key !== "do_sample" && key !== "max_new_tokens")
    .map(([key, entry]) => `, ${key}=${entry}`)
    .join("");
  const languages = value("language");
  const batch = value("batch-size");
  const accumulation = value("gradient-accumulation-steps");
  const gguf = run?.gguf ?? [];
  const versions = run?.config?.transformersVersion ?? run?.generation?.transformersVersion;
  return {
    card_data: stringify(built.metadata).trimEnd(),
    metadata: built.metadata,
    model_id: repo ?? built.modelName,
    model_name: built.modelName ?? repo,
    repo_name: repo,
    repo_url: repo ? `https://huggingface.co/${repo}` : null,
    base_model: base,
    base_model_url: base ? `https://huggingface.co/${base}` : null,
    is_adapter: isAdapter,
    peft_type: run?.adapter?.peftType ?? null,
    dataset_name: value("dataset-name") ?? datasetRepo,
    dataset_url: datasetRepo ? `https://huggingface.co/datasets/${datasetRepo}` : null,
    language: languages ? languages.join(", ") : null,
    license: value("license"),
    model_type: value("family"),
    trainer_type: value("trainer-type"),
    pipeline_tag: value("pipeline-tag"),
    details: rows([
      ["Base model", base ? `[${base}](https://huggingface.co/${base})` : null],
      ["Model type", value("family")],
      ["Architecture", run?.config?.architecture],
      ["Language(s)", languages?.join(", ")],
      ["License", value("license")],
      ["Parameters", weights?.parameters ? formatQuantity(weights.parameters, "count") : null],
      ["Tensor type", weights?.dtype],
      ["Weights size", weights?.bytes ? formatBytes(weights.bytes) : null],
      ["Context length", run?.config?.contextLength],
      [
        "Adapter",
        run?.adapter
          ? [
              run.adapter.peftType,
              run.adapter.rank !== undefined ? `r=${run.adapter.rank}` : null,
              run.adapter.alpha !== undefined ? `alpha=${run.adapter.alpha}` : null,
              run.adapter.targetModules.length > 0 ? `on ${run.adapter.targetModules.join(", ")}` : null,
            ]
              .filter(Boolean)
              .join(", ")
          : null,
      ],
      ...gguf.map((file): [string, string] => [
        `GGUF file \`${file.file}\``,
        [file.architecture, file.fileType, formatQuantity(file.parameters, "count")].filter(Boolean).join(", "),
      ]),
    ]),
    usage:
      repo && (libraryName === "transformers" || libraryName === "peft" || libraryName === null)
        ? {
            repo,
            model_class: MODEL_CLASSES[kind ?? ""] ?? null,
            conversational: run?.conversational ?? false,
            sampling,
            // Only folders that exist (and push sends) can be loaded with subfolder=.
            variants: built.variants.flatMap((variant) => (variant.folder ? [{ label: variant.folder }] : [])),
          }
        : null,
    training_configuration: rows([
      ["Trainer", value("trainer-type")],
      ["Configuration", value("training-config")],
      [
        "Dataset",
        datasetRepo
          ? `[${value("dataset-name") ?? datasetRepo}](https://huggingface.co/datasets/${datasetRepo})`
          : value("dataset-name"),
      ],
      ["Training samples", value("dataset-sample-size")],
      ["Experiment", value("experiment-name")],
      ["Tracking", value("trackio-url")],
      ["Author", value("author-name")],
    ]),
    hyperparameters: rows([
      ["Batch size (per device)", batch],
      ["Gradient accumulation steps", accumulation],
      ["Effective batch size per device", batch !== null && accumulation !== null ? batch * accumulation : null],
      ["Learning rate", value("learning-rate")],
      ["Epochs", value("max-epochs")],
      ["Max sequence length", value("max-seq-length")],
      ["Optimizer steps", run?.trainerState?.globalStep],
    ]),
    results_table: buildTrainingResultsTable(run?.logHistory ?? []),
    curves_image: curvesImage,
    evaluation: built.metrics.map((metric) => ({ label: metric.name, value: formatQuantity(metric.value) })),
    quantized_variants: built.variants
      .filter((variant) => variant.memoryReduction || variant.speedup)
      .map((variant) => ({
        name: variant.type ? `${variant.label} (${variant.type})` : variant.label,
        memory_reduction: variant.memoryReduction
          ? `${variant.memoryReduction.value}%${variant.memoryReduction.nominal ? " (nominal)" : ""}`
          : null,
        speedup: variant.speedup ? `${variant.speedup.value}x` : null,
      })),
    hardware: value("hardware-info"),
    training_time: run?.trainRuntime ? duration(run.trainRuntime) : null,
    limitations: Boolean(base || value("dataset-name") || datasetRepo),
    citation_bibtex: repo ? bibtex(repo, built.modelName ?? repo, value("author-name")) : null,
    framework_versions: rows([["Transformers", versions]]),
  };
}
