import { type EvalResult, type ModelCard, readModelIndex } from "../card/index.js";
import { escapeHtml } from "./escape-html.js";

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return escapeHtml(typeof value === "string" ? value : JSON.stringify(value));
}

/** The dataset cell: its name, and its id, config and split when they add something. */
function datasetCell(result: EvalResult): string {
  const details = [
    result.datasetType !== result.datasetName ? `<code>${text(result.datasetType)}</code>` : "",
    result.datasetConfig ? `config ${text(result.datasetConfig)}` : "",
    result.datasetSplit ? `split ${text(result.datasetSplit)}` : "",
  ].filter(Boolean);
  return `${text(result.datasetName)}${details.length ? `<br><span class="muted">${details.join(" · ")}</span>` : ""}`;
}

function valueCell(result: EvalResult): string {
  const source = result.sourceUrl
    ? `<br><a class="muted" href="${escapeHtml(result.sourceUrl)}">${text(result.sourceName ?? "source")}</a>`
    : result.sourceName
      ? `<br><span class="muted">${text(result.sourceName)}</span>`
      : "";
  const verified = result.verified ? ` <span class="verified" title="verified by the Hub">verified</span>` : "";
  return `<span class="metric-value">${text(result.metricValue)}</span>${verified}${source}`;
}

/** One model-index entry's results: per task, one row per metric. */
function entryRows(results: readonly EvalResult[]): string[] {
  let task: string | null = null;
  const rows: string[] = [];
  for (const result of results) {
    const name = result.taskName ?? result.taskType;
    if (name !== task) {
      task = name;
      rows.push(`<tr class="task-row"><th colspan="3">${text(name)}</th></tr>`);
    }
    rows.push(
      `<tr class="result-row"><td>${datasetCell(result)}</td><td>${text(result.metricName ?? result.metricType)}</td><td>${valueCell(result)}</td></tr>`,
    );
  }
  return rows;
}

/**
 * The card's `model-index` as the Hub's evaluation widget lists it: for each entry (a model: the card's, or a
 * variant's), per task, one row per metric, as huggingface_hub reads the entries. A model-index that yields no
 * results says why.
 */
export function renderEvalResults(card: ModelCard): string {
  const index = card.metadata["model-index"];
  if (index === undefined) return "";
  if (card.evalResults === null || !Array.isArray(index)) {
    const problem = card.problems.find((entry) => entry.code === "invalid-model-index");
    return `<section class="eval-results" id="eval-results"><h2>Evaluation results</h2>
<p class="eval-invalid">The model-index yields no results${problem ? `: ${escapeHtml(problem.message)}` : ""}.</p></section>`;
  }
  const rows: string[] = [];
  for (const entry of index) {
    const reading = readModelIndex([entry]);
    if (reading.results === null) continue;
    if (index.length > 1) rows.push(`<tr class="model-row"><th colspan="3">${text(reading.modelName)}</th></tr>`);
    rows.push(...entryRows(reading.results));
  }
  return `<section class="eval-results" id="eval-results"><h2>Evaluation results</h2>
<table class="results-table"><thead><tr><th>Dataset</th><th>Metric</th><th>Value</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></section>`;
}
