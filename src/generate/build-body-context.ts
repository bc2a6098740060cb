import { stringify } from "yaml";
import type { Metadata } from "../card/index.js";
import { formatBytes } from "../io/format-bytes.js";
import { quantizationScheme } from "../vocabulary/quantization-schemes.js";
import type { BuiltMetadata } from "./build-metadata.js";
import { epochsContradiction } from "./epochs-contradiction.js";
import type { Explanation, FieldFacts, Provenance } from "./facts.js";
import { formatQuantity } from "./format-quantity.js";
import type { QuantizedVariant } from "./resolve-variants.js";
import type { RunFacts } from "./sources/read-run-directory.js";
import { TRAINER_STATE_FILE } from "./sources/trainer-state.js";
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
    /** The packages loading the variants needs beside transformers (`torchao`), by their methods; null if none known. */
    variants_install: string | null;
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

/** A body line with where its value came from; rows without a value are dropped. */
type Entry = [label: string, value: string | number | undefined | null, from: Provenance | undefined];

/** PEFT's `peft_type` as its own docs spell the method. */
const PEFT_NAMES: Record<string, string> = {
  LORA: "LoRA",
  ADALORA: "AdaLoRA",
  LOHA: "LoHa",
  LOKR: "LoKr",
  IA3: "IA3",
  VERA: "VeRA",
  OFT: "OFT",
  BOFT: "BOFT",
  PREFIX_TUNING: "Prefix tuning",
  PROMPT_TUNING: "Prompt tuning",
  P_TUNING: "P-tuning",
};

const peftName = (type: string) => PEFT_NAMES[type] ?? type;

/** The pip package each quantization method needs to load its weights with transformers (its docs' install line). */
const METHOD_PACKAGES: Record<string, string> = {
  torchao: "torchao",
  bitsandbytes: "bitsandbytes",
  hqq: "hqq",
  quanto: "optimum-quanto",
  awq: "autoawq",
  "auto-round": "auto-round",
};

/** What `pip install` needs for the variants in folders, from their schemes' methods; null when none is known. */
function variantsInstall(variants: readonly QuantizedVariant[]): string | null {
  const packages = variants.flatMap((variant) => {
    const method = variant.folder && variant.type ? quantizationScheme(variant.type)?.method : undefined;
    const name = method ? METHOD_PACKAGES[method] : undefined;
    return name ? [name] : [];
  });
  return packages.length > 0 ? [...new Set(packages)].join(" ") : null;
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

/**
 * Everything the body shows, from the built metadata, the resolved fields and the run's facts. Each body fact
 * that is not already a metadata value gets an explanation line (`body: <section>: <label>`), so `--explain`
 * names a source for everything the card states.
 */
export function buildBodyContext(
  built: BuiltMetadata,
  fields: FieldFacts,
  run: RunFacts | null,
  curvesImage: string | null,
  explanations: Explanation[] = [],
): BodyContext {
  const value = <Name extends keyof FieldFacts>(name: Name) => fields[name]?.value || null;
  const from = (name: keyof FieldFacts) => fields[name]?.from;
  const rows = (section: string, entries: readonly Entry[]): Row[] =>
    entries.flatMap(([label, raw, source]) => {
      if (raw === undefined || raw === null || raw === "") return [];
      const shown = typeof raw === "number" ? formatQuantity(raw) : raw;
      if (source) explanations.push({ field: `body: ${section}: ${label}`, value: shown, from: source });
      return [{ label, value: shown }];
    });
  const runFile = (detail: string): Provenance => ({ kind: "run", detail });
  const repo = value("repo-name");
  const base = value("base-model");
  const datasetRepo = value("dataset-repo");
  const kind = value("architecture-kind");
  const libraryName = value("library-name");
  const adapter = run?.adapter ?? null;
  const isAdapter = Boolean(adapter) || libraryName === "peft";
  const weights = run?.weights;
  // In an adapter's run the safetensors are the adapter's own, not the model's: say so.
  const ofWeights = (label: string) => (adapter ? `Adapter ${label.toLowerCase()}` : label);
  const weightsFrom = weights ? runFile(`${weights.files.join(", ")} (safetensors headers)`) : undefined;
  const sampling = Object.entries(run?.generation?.sampling ?? {})
    .filter(([key]) => key !== "do_sample" && key !== "max_new_tokens")
    .map(([key, entry]) => `, ${key}=${entry}`)
    .join("");
  const languages = value("language");
  const gguf = run?.gguf ?? [];
  const configVersion = run?.config?.transformersVersion;
  const version = configVersion ?? run?.generation?.transformersVersion;
  const hyperparameters = run?.hyperparameters ?? {};
  const trainingConfigFile = runFile("training_config.json");
  const results = run?.trainingLog ? buildTrainingResultsTable(run.trainingLog) : null;
  const epochs = epochsContradiction(fields, run);
  if (results) {
    explanations.push({
      field: "body: training results",
      value: `${results.rows.length} rows`,
      from: runFile("trainer_state.json log_history"),
      ...(results.summary ? { note: results.summary } : {}),
    });
  }
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
    peft_type: adapter ? peftName(adapter.peftType) : null,
    dataset_name: value("dataset-name") ?? datasetRepo,
    dataset_url: datasetRepo ? `https://huggingface.co/datasets/${datasetRepo}` : null,
    language: languages ? languages.join(", ") : null,
    license: value("license"),
    model_type: value("family"),
    trainer_type: value("trainer-type"),
    pipeline_tag: value("pipeline-tag"),
    details: rows("details", [
      ["Base model", base ? `[${base}](https://huggingface.co/${base})` : null, from("base-model")],
      ["Model type", value("family"), from("family")],
      ["Architecture", run?.config?.architecture, runFile("config.json")],
      ["Language(s)", languages?.join(", "), from("language")],
      ["License", value("license"), from("license")],
      [ofWeights("Parameters"), weights?.parameters ? formatQuantity(weights.parameters, "count") : null, weightsFrom],
      [ofWeights("Tensor type"), weights?.dtype, weightsFrom],
      [ofWeights("Weights size"), weights?.bytes ? formatBytes(weights.bytes) : null, weightsFrom],
      ["Context length", run?.config?.contextLength, runFile("config.json")],
      [
        "Adapter",
        adapter
          ? [
              peftName(adapter.peftType),
              adapter.rank !== undefined ? `r=${adapter.rank}` : null,
              adapter.alpha !== undefined ? `alpha=${adapter.alpha}` : null,
              adapter.targetModules.length > 0 ? `on ${adapter.targetModules.join(", ")}` : null,
            ]
              .filter(Boolean)
              .join(", ")
          : null,
        runFile("adapter_config.json"),
      ],
      ...gguf.map(
        (file): Entry => [
          `GGUF file \`${file.file}\``,
          [file.architecture, file.fileType, formatQuantity(file.parameters, "count")].filter(Boolean).join(", "),
          runFile(file.file),
        ],
      ),
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
            variants_install: variantsInstall(built.variants),
          }
        : null,
    training_configuration: rows("training", [
      ["Trainer", value("trainer-type"), from("trainer-type")],
      ["Configuration", value("training-config"), from("training-config")],
      [
        "Dataset",
        datasetRepo
          ? `[${value("dataset-name") ?? datasetRepo}](https://huggingface.co/datasets/${datasetRepo})`
          : value("dataset-name"),
        from("dataset-repo") ?? from("dataset-name"),
      ],
      ["Training samples", value("dataset-sample-size"), from("dataset-sample-size")],
      // Only where the log contradicts the configured epochs (num_epochs below): both are stated, each as it is.
      ["Epochs trained", epochs?.trained, epochs ? runFile(`${TRAINER_STATE_FILE} epoch`) : undefined],
      ["Experiment", value("experiment-name"), from("experiment-name")],
      ["Tracking", value("trackio-url"), from("trackio-url")],
      ["Author", value("author-name"), from("author-name")],
    ]),
    // By the names and in the order transformers' Trainer lists them in its cards.
    hyperparameters: rows("hyperparameters", [
      ["learning_rate", value("learning-rate"), from("learning-rate")],
      ["train_batch_size", value("batch-size"), from("batch-size")],
      ["eval_batch_size", hyperparameters.eval_batch_size, trainingConfigFile],
      ["seed", hyperparameters.seed, trainingConfigFile],
      ["gradient_accumulation_steps", value("gradient-accumulation-steps"), from("gradient-accumulation-steps")],
      ["optimizer", hyperparameters.optimizer, trainingConfigFile],
      ["lr_scheduler_type", hyperparameters.lr_scheduler_type, trainingConfigFile],
      ["lr_scheduler_warmup_ratio", hyperparameters.lr_scheduler_warmup_ratio, trainingConfigFile],
      ["lr_scheduler_warmup_steps", hyperparameters.lr_scheduler_warmup_steps, trainingConfigFile],
      ["training_steps", hyperparameters.training_steps, trainingConfigFile],
      ["num_epochs", value("max-epochs"), from("max-epochs")],
      ["max_seq_length", value("max-seq-length"), from("max-seq-length")],
      ["mixed_precision_training", hyperparameters.mixed_precision_training, trainingConfigFile],
    ]),
    results_table: results,
    curves_image: curvesImage,
    evaluation: built.metrics.map((metric) => ({ label: metric.name, value: metric.value.toFixed(4) })),
    quantized_variants: built.variants
      .filter((variant) => variant.memoryReduction || variant.speedup)
      .map((variant) => ({
        name: variant.type ? `${variant.label} (${variant.type})` : variant.label,
        memory_reduction: variant.memoryReduction
          ? `${variant.memoryReduction.value.toFixed(1)}%${variant.memoryReduction.nominal ? " (nominal)" : ""}`
          : null,
        speedup: variant.speedup ? `${variant.speedup.value.toFixed(2)}x` : null,
      })),
    hardware: rows("hardware", [["Trained on", value("hardware-info"), from("hardware-info")]])[0]?.value ?? null,
    training_time:
      rows("hardware", [
        [
          "Training time",
          run?.trainRuntime ? duration(run.trainRuntime) : null,
          run?.trainRuntimeFrom ? runFile(run.trainRuntimeFrom) : undefined,
        ],
      ])[0]?.value ?? null,
    limitations: Boolean(base || value("dataset-name") || datasetRepo),
    citation_bibtex: repo ? bibtex(repo, built.modelName ?? repo, value("author-name")) : null,
    framework_versions: rows("framework versions", [
      ["Transformers", version, runFile(configVersion ? "config.json" : "generation_config.json")],
    ]),
  };
}
