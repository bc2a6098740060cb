import type { EvalResultsEntryKey, EvalResultsFile } from "../../../eval-results/index.js";
import type { KeyPath, Severity } from "../../types.js";

/** One item of the file's list, and where its entry sits (`[i]`, or `[i, "data"]` in the API's wrapper). */
export interface EvalResultsLintEntry {
  /** 0-based index in the list. */
  index: number;
  data: unknown;
  path: KeyPath;
}

/** What a rule of `.eval_results/*.yaml` files reads. */
export interface EvalResultsRuleContext {
  file: EvalResultsFile;
  /** The list's items; empty when the Hub cannot read the file as a list. */
  entries: readonly EvalResultsLintEntry[];
  /** The keys of the entries in the folder's files before this one (by name), for duplicates across files. */
  earlierFiles: readonly { name: string; keys: readonly EvalResultsEntryKey[] }[];
  /** The file as last committed (git's HEAD), when the file is in a git repository; null when unknown. */
  committedText: string | null;
  filePath: string | undefined;
}

/** A fix: replace `range` (offsets in the file) with `text`, which the Hub must then read as `value` at `path`. */
export interface EvalResultsFix {
  range: [number, number];
  text: string;
  path: KeyPath;
  value: unknown;
}

export interface EvalResultsReport {
  message: string;
  /** Key path of the finding; the message points at its key, or at its value with `atValue`. */
  path?: KeyPath;
  atValue?: boolean;
  /** An explicit 1-based position, for findings at no key path (a syntax error). */
  line?: number;
  column?: number;
  fix?: EvalResultsFix;
}

/**
 * A rule of `.eval_results/*.yaml` files: the shape of the card rules (`id`, `description`, `defaultSeverity`,
 * `fixable`, `check`), over a file that is a list of scores rather than a card.
 */
export interface EvalResultsRule {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /** `file`: runs on every file (syntax); `entries` (default): only on a file the Hub reads as a list. */
  reads?: "file" | "entries";
  check(context: EvalResultsRuleContext, report: (finding: EvalResultsReport) => void): void;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `entry 2 (cais/hle:default)`, for messages: 1-based, with its benchmark task when it has one. */
export function describeEntry(entry: EvalResultsLintEntry): string {
  const dataset = isRecord(entry.data) && isRecord(entry.data.dataset) ? entry.data.dataset : null;
  const id = dataset?.id;
  const task = dataset?.task_id;
  const name = typeof id === "string" && id !== "" ? (typeof task === "string" ? `${id}:${task}` : id) : null;
  return `entry ${entry.index + 1}${name === null ? "" : ` (${name})`}`;
}
