import type { ModelCard } from "../card/index.js";
import { escapeHtml } from "./escape-html.js";

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return escapeHtml(typeof value === "string" ? value : JSON.stringify(value));
}

/**
 * The card's `model-index` as the Hub's evaluation widget lists it: one row per metric, as huggingface_hub reads
 * the entries. A model-index that yields no results says why.
 */
export function renderEvalResults(card: ModelCard): string {
  if (card.metadata["model-index"] === undefined) return "";
  const results = card.evalResults;
  if (results === null) {
    const problem = card.problems.find((entry) => entry.code === "invalid-model-index");
    return `<section class="eval-results" id="eval-results"><h2>Evaluation results</h2>
<p class="eval-invalid">The model-index yields no results${problem ? `: ${escapeHtml(problem.message)}` : ""}.</p></section>`;
  }
  const rows = results
    .map(
      (result) =>
        `<tr><td>${cell(result.taskName ?? result.taskType)}</td><td>${cell(result.datasetName)}<br><code>${cell(
          result.datasetType,
        )}</code></td><td>${cell(result.datasetConfig)}</td><td>${cell(result.datasetSplit)}</td><td>${cell(
          result.metricName ?? result.metricType,
        )}</td><td class="metric-value">${cell(result.metricValue)}</td><td>${result.verified ? "verified" : ""}</td><td>${
          result.sourceUrl
            ? `<a href="${escapeHtml(result.sourceUrl)}">${cell(result.sourceName ?? result.sourceUrl)}</a>`
            : cell(result.sourceName)
        }</td></tr>`,
    )
    .join("\n");
  const name = card.modelName ? ` of ${escapeHtml(card.modelName)}` : "";
  return `<section class="eval-results" id="eval-results"><h2>Evaluation results${name}</h2>
<table class="results-table"><thead><tr><th>Task</th><th>Dataset</th><th>Config</th><th>Split</th><th>Metric</th><th>Value</th><th>Verified</th><th>Source</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}
