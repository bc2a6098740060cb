import type { EvalResultInput } from "../card/index.js";
import { evalResultsToModelIndex } from "../card/index.js";
import type { CardWarning, Explanation, Fact, FieldFacts } from "./facts.js";
import type { QuantizedVariant } from "./resolve-variants.js";
import type { RunFacts } from "./sources/read-run-directory.js";

export interface ModelIndexMetric {
  name: string;
  type: string;
  value: number;
}

export interface BuiltModelIndex {
  modelIndex: unknown[] | null;
  /** The main model's metrics, for the body's evaluation section. */
  metrics: ModelIndexMetric[];
}

/** Run bookkeeping logged with the `eval_` prefix that is not a quality metric. */
const NOT_METRICS = new Set([
  "eval_loss",
  "eval_perplexity",
  "eval_runtime",
  "eval_samples_per_second",
  "eval_steps_per_second",
  "eval_samples",
  "eval_num_tokens",
  // Counts and timings transformers logs beside the metrics (`include_num_input_tokens_seen`, model preparation).
  "eval_num_input_tokens_seen",
  "eval_model_preparation_time",
  "eval_epoch",
]);

function titleCase(key: string): string {
  return key
    .split("_")
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join(" ");
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The model-index: the main model's entry (Training Loss, Validation Loss, Perplexity, then every other
 * `eval_*` metric of the run) and one entry per quantized variant (Memory Reduction, Inference Speed). Values
 * are numbers; an unknown value is left out. Without a task and a dataset the Hub rejects results, so there is
 * then no model-index (and `--explain` says why).
 */
export function buildModelIndex(
  modelName: string,
  fields: FieldFacts,
  run: RunFacts | null,
  variants: readonly QuantizedVariant[],
  explanations: Explanation[],
  warnings: CardWarning[] = [],
): BuiltModelIndex {
  const metrics: ModelIndexMetric[] = [];
  // Four decimals, as transformers rounds what it logs: a run's perplexity 5.541138582779015 reads 5.5411.
  const add = (name: string, type: string, fact: Fact<number> | undefined, note?: string) => {
    if (!fact) return;
    const value = round4(fact.value);
    metrics.push({ name, type, value });
    explanations.push({ field: `model-index: ${name}`, value, from: fact.from, ...(note ? { note } : {}) });
  };
  add("Training Loss", "loss", fields["training-loss"]);
  add("Validation Loss", "loss", fields["validation-loss"]);
  const validationLoss = fields["validation-loss"];
  if (fields.perplexity) add("Perplexity", "perplexity", fields.perplexity);
  else if (validationLoss && fields["pipeline-tag"]?.value === "text-generation") {
    // exp(loss) is a perplexity only for a language model's next-token loss, not a classifier's.
    add(
      "Perplexity",
      "perplexity",
      { value: Math.exp(validationLoss.value), from: { kind: "derived", detail: "exp(validation loss)" } },
      `exp(${validationLoss.value}), the validation loss being a natural-log cross-entropy`,
    );
  }
  for (const [key, { value, file }] of Object.entries(run?.evalMetrics ?? {})) {
    if (NOT_METRICS.has(key)) continue;
    const type = key.slice("eval_".length);
    add(titleCase(type), type, { value, from: { kind: "run", detail: file } });
  }

  const taskType = fields["pipeline-tag"]?.value;
  const datasetName = fields["dataset-name"]?.value ?? fields["dataset-repo"]?.value;
  const datasetType = fields["dataset-repo"]?.value ?? datasetName;
  const variantMetrics = variants.map((variant) => ({
    name: `${modelName} (${variant.label} quantized)`,
    metrics: [
      ...(variant.memoryReduction
        ? [
            {
              name: variant.memoryReduction.nominal ? "Memory Reduction (nominal)" : "Memory Reduction",
              type: "memory_efficiency",
              value: variant.memoryReduction.value,
            },
          ]
        : []),
      ...(variant.speedup ? [{ name: "Inference Speed", type: "speed", value: variant.speedup.value }] : []),
    ],
  }));
  for (const variant of variants) {
    if (variant.memoryReduction) {
      const { value, from, note } = variant.memoryReduction;
      explanations.push({ field: `model-index: ${variant.label} Memory Reduction`, value, from, note });
    }
    if (variant.speedup) {
      explanations.push({
        field: `model-index: ${variant.label} Inference Speed`,
        value: variant.speedup.value,
        from: variant.speedup.from,
      });
    }
  }
  const hasMetrics = metrics.length > 0 || variantMetrics.some((entry) => entry.metrics.length > 0);
  if (!hasMetrics) return { modelIndex: null, metrics };
  if (!taskType || !datasetName || !datasetType) {
    const missing = taskType
      ? { what: "a dataset", flags: "--dataset-repo (the dataset's Hub id) or --dataset-name" }
      : { what: "a task", flags: "--pipeline-tag, e.g. --pipeline-tag text-generation" };
    explanations.push({
      field: "model-index",
      value: null,
      from: { kind: "derived", detail: "left out" },
      note: `the Hub rejects results without ${missing.what} (${missing.flags})`,
    });
    const names = [...metrics, ...variantMetrics.flatMap((entry) => entry.metrics)].map((metric) => metric.name);
    warnings.push({
      code: "no-model-index",
      file: null,
      message: `the metrics (${[...new Set(names)].join(", ")}) are left out of model-index, since the Hub rejects a result without ${missing.what}; the body still shows them. Give ${missing.flags} to publish them as evaluation results`,
    });
    return { modelIndex: null, metrics };
  }
  const result = (name: string, entries: readonly ModelIndexMetric[]) =>
    evalResultsToModelIndex(
      name,
      entries.map(
        (metric): EvalResultInput => ({
          taskType,
          datasetName,
          datasetType,
          metricName: metric.name,
          metricType: metric.type,
          metricValue: metric.value,
        }),
      ),
    );
  const modelIndex = [
    ...(metrics.length > 0 ? result(modelName, metrics) : []),
    ...variantMetrics.filter((entry) => entry.metrics.length > 0).flatMap((entry) => result(entry.name, entry.metrics)),
  ];
  return { modelIndex, metrics };
}
