import type { EvalResultsFolderFile } from "../eval-results/read-eval-results-folder.js";
import { escapeHtml } from "./escape-html.js";

/** Only web links are links: a `source.url` is the file's text, and a `javascript:` URL must not become one. */
function sourceCell(source: { url: string; name?: string } | undefined): string {
  if (!source) return "";
  const label = escapeHtml(source.name ?? source.url);
  return /^https?:\/\//i.test(source.url) ? `<a href="${escapeHtml(source.url)}">${label}</a>` : label;
}

/** A date as the file gives it; an unquoted one is read as a timestamp by the Hub's reader. */
function dateText(date: unknown): string {
  if (date instanceof Date) return date.toISOString().replace("T00:00:00.000Z", "");
  return date === undefined || date === null ? "" : String(date);
}

/**
 * The scores of the card's folder's `.eval_results/*.yaml`, the format the Hub now shows and links to each
 * benchmark's leaderboard: one row per entry, as the Hub's reader reads the file, and a file's problems in place
 * of the rows it could not give. No section when the folder has no such file.
 */
export function renderEvalResultsFiles(files: readonly EvalResultsFolderFile[]): string {
  if (files.length === 0) return "";
  const rows: string[] = [];
  for (const { name, file } of files) {
    rows.push(`<tr class="model-row"><th colspan="5"><code>.eval_results/${escapeHtml(name)}</code></th></tr>`);
    for (const problem of file.problems) {
      rows.push(
        `<tr><td colspan="5" class="eval-invalid">${problem.line}:${problem.column} ${escapeHtml(problem.message)}</td></tr>`,
      );
    }
    for (const entry of file.entries) {
      const verified = entry.verifyToken ? ` <span class="verified" title="verified by the Hub">verified</span>` : "";
      rows.push(
        `<tr><td><code>${escapeHtml(entry.dataset.id)}</code></td><td>${escapeHtml(entry.dataset.task_id)}</td>` +
          `<td><span class="metric-value">${escapeHtml(String(entry.value))}</span>${verified}</td>` +
          `<td>${escapeHtml(dateText(entry.date))}${entry.notes ? `<br><span class="muted">${escapeHtml(entry.notes)}</span>` : ""}</td>` +
          `<td>${sourceCell(entry.source)}</td></tr>`,
      );
    }
  }
  return `<section class="eval-results" id="eval-results-files"><h2>Scores (.eval_results/)</h2>
<table class="results-table"><thead><tr><th>Benchmark</th><th>Task</th><th>Value</th><th>Date</th><th>Source</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></section>`;
}
