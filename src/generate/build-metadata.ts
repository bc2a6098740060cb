import { basename } from "node:path";
import type { Metadata } from "../card/index.js";
import { readRepoId } from "../card/repo-id.js";
import { quantizationScheme } from "../vocabulary/quantization-schemes.js";
import { buildModelIndex, type ModelIndexMetric } from "./build-model-index.js";
import { buildTags } from "./build-tags.js";
import type { CardWarning, Explanation, Fact, FieldFacts } from "./facts.js";
import { GenerateInputError } from "./generate-input-error.js";
import type { InputFieldName } from "./input-fields.js";
import type { ResolvedFields } from "./resolve-fields.js";
import { type QuantizedVariant, resolveVariants } from "./resolve-variants.js";
import type { RunFacts } from "./sources/read-run-directory.js";

export interface BuiltMetadata {
  metadata: Metadata;
  explanations: Explanation[];
  modelName: string | null;
  variants: QuantizedVariant[];
  /** The main model's model-index metrics. */
  metrics: ModelIndexMetric[];
  /** What was left out of the metadata or placed elsewhere, with the option that fixes it. */
  warnings: CardWarning[];
}

/** Where a value came from, for a warning: `--dataset-name`, `training_config.json`, `profile smollm3`. */
const sourceOf = (fact: Fact<unknown>) =>
  fact.from.kind === "flag" ? fact.from.detail : `${fact.from.kind} ${fact.from.detail}`;

/** Metadata keys written straight from an input field, in the order the card lists them. */
const CORE_KEYS = [
  ["language", "language"],
  ["license", "license"],
  ["library_name", "library-name"],
] as const satisfies readonly (readonly [string, InputFieldName])[];

const OPTIONAL_KEYS = [
  ["author", "author-name"],
  ["experiment_name", "experiment-name"],
  ["trackio_url", "trackio-url"],
  ["hardware", "hardware-info"],
  ["training_config", "training-config"],
  ["trainer_type", "trainer-type"],
  ["batch_size", "batch-size"],
  ["learning_rate", "learning-rate"],
  ["max_epochs", "max-epochs"],
  ["max_seq_length", "max-seq-length"],
  ["gradient_accumulation_steps", "gradient-accumulation-steps"],
  ["dataset_repo", "dataset-repo"],
  ["dataset_sample_size", "dataset-sample-size"],
] as const satisfies readonly (readonly [string, InputFieldName])[];

function modelNameOf(fields: FieldFacts, run: RunFacts | null): Fact<string> | null {
  if (fields["model-name"]) return fields["model-name"];
  const repo = fields["repo-name"];
  if (repo)
    return { value: repo.value.split("/").at(-1) ?? repo.value, from: { kind: "derived", detail: "--repo-name" } };
  if (run) return { value: basename(run.directory), from: { kind: "derived", detail: "the run directory's name" } };
  return null;
}

/**
 * The card's metadata from resolved fields and run facts: the seed's core fields and tags, its optional fields
 * with their real types, `quantization_types` when variants or quantized GGUF files exist, `--set` fields, then the model-index.
 * Every value gets an explanation line saying where it came from.
 */
export function buildMetadata({ fields, custom, speedups }: ResolvedFields, run: RunFacts | null): BuiltMetadata {
  const explanations: Explanation[] = [];
  const metadata: Metadata = {};
  const put = (key: string, value: unknown, from: Explanation["from"], note?: string) => {
    // Defined, not assigned: `__proto__` from --set is a key like any other.
    Object.defineProperty(metadata, key, { value, enumerable: true, writable: true, configurable: true });
    explanations.push({ field: key, value, from, ...(note ? { note } : {}) });
  };
  const putField = (key: string, name: InputFieldName) => {
    const fact = fields[name];
    if (fact?.value === "") {
      explanations.push({ field: key, value: null, from: fact.from, note: "left out: given as empty" });
    } else if (fact) put(key, fact.value, fact.from);
  };

  const variants = resolveVariants(fields, run, speedups);
  // A quantized GGUF file (Q4_K_M, ...) is a quantized model by itself: its file type is its scheme.
  const ggufTypes = (run?.gguf ?? []).flatMap((file) =>
    file.fileType && quantizationScheme(file.fileType) ? [file.fileType] : [],
  );
  const types = [
    ...new Set([
      ...variants.map((variant) => variant.type).filter((type): type is string => type !== null),
      ...ggufTypes,
    ]),
  ];
  for (const [key, name] of CORE_KEYS) putField(key, name);
  put("tags", buildTags(fields, run, variants.length > 0 || ggufTypes.length > 0), {
    kind: "derived",
    detail: "family, fine-tuned, architecture, task, quantized, dataset, config; Trainer, TRL, PEFT, Trackio; --tag",
  });
  putField("pipeline_tag", "pipeline-tag");
  putField("base_model", "base-model");
  if (run?.adapter && fields["base-model"]) {
    put("base_model_relation", "adapter", { kind: "run", detail: "adapter_config.json" });
  }
  const warnings: CardWarning[] = [];
  const datasetRepo = fields["dataset-repo"];
  const datasetName = fields["dataset-name"];
  if (datasetRepo) put("datasets", [datasetRepo.value], datasetRepo.from);
  else if (datasetName && readRepoId(datasetName.value).kind === "hub-id") {
    put("datasets", [datasetName.value], datasetName.from);
  } else if (datasetName) {
    // "Open Hermes FR" names a dataset but cannot be its Hub id: the Hub would reject it in `datasets`.
    explanations.push({
      field: "datasets",
      value: null,
      from: datasetName.from,
      note: `left out: ${JSON.stringify(datasetName.value)} cannot be a Hub dataset id; it is the display name`,
    });
    warnings.push({
      code: "dataset-display-name",
      file: null,
      message: `the dataset name ${JSON.stringify(datasetName.value)} (${sourceOf(datasetName)}) cannot be a Hub dataset id, so it is shown as the dataset's name (model-index dataset.name and the body) and left out of datasets:; give its Hub id with --dataset-repo owner/name to list it`,
    });
  }
  if (types.length > 0) {
    put(
      "quantization_types",
      types,
      fields["quantization-type"]?.from ??
        (ggufTypes.length > 0 && variants.length === 0
          ? { kind: "run", detail: run?.gguf.map((file) => file.file).join(", ") ?? "" }
          : { kind: "derived", detail: "quantized variants" }),
    );
  }
  for (const [key, name] of OPTIONAL_KEYS) putField(key, name);
  if (custom["model-index"]) {
    throw new GenerateInputError(
      "--set model-index: the model-index is generated from the losses and metrics; give --training-loss, --validation-loss, --perplexity, or edit it afterwards with `modelcard update --add-eval`.",
    );
  }
  for (const [key, fact] of Object.entries(custom)) {
    // The body states the generated values too: a --set over one would make the card contradict itself.
    if (Object.hasOwn(metadata, key)) {
      const generated = explanations.findLast((explanation) => explanation.field === key);
      throw new GenerateInputError(
        `--set ${key}: ${key} is generated${generated ? ` (from ${generated.from.kind} ${generated.from.detail})` : ""} and stated in the body too; give it with its own option (see --help) instead of --set.`,
      );
    }
    put(key, fact.value, fact.from);
  }

  const modelName = modelNameOf(fields, run);
  let metrics: ModelIndexMetric[] = [];
  if (modelName) {
    const built = buildModelIndex(modelName.value, fields, run, variants, explanations, warnings);
    metrics = built.metrics;
    if (built.modelIndex) {
      metadata["model-index"] = built.modelIndex;
      explanations.push({ field: "model-index name", value: modelName.value, from: modelName.from });
    }
  }
  return { metadata, explanations, modelName: modelName?.value ?? null, variants, metrics, warnings };
}
