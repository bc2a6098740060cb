import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import {
  type EvalResultsEntryKey,
  EvalResultsFile,
  isEvalResultsFileName,
  keyOfEntryData,
} from "../eval-results/index.js";
import { readCardFileSync } from "../io/read-card-file-sync.js";
import { type FileResult, fileResult } from "./file-result.js";
import { LintConfigError } from "./lint-config-error.js";
import { readCommittedText } from "./read-committed-text.js";
import type { EvalResultsFix, EvalResultsLintEntry, EvalResultsRule } from "./rules/eval-results/eval-results-rule.js";
import { EVAL_RESULTS_RULES } from "./rules/eval-results/index.js";
import type { KeyPath, LintConfig, LintMessage, Severity } from "./types.js";
import { unreadableResult } from "./unreadable-result.js";

export interface EvalResultsLintOptions {
  config?: LintConfig;
  filePath?: string;
  /** The keys of the folder's files before this one, for duplicates across files. */
  earlierFiles?: readonly { name: string; keys: readonly EvalResultsEntryKey[] }[];
  /** The file as last committed, for the verifyToken rule; null or left out when unknown. */
  committedText?: string | null;
}

const SEVERITIES = { warn: "warning", error: "error" } as const;

/** The rules that run and their severity: `rules.<id>` of the configuration, the preset, or the rule's default. */
export function activeEvalResultsRules(
  config: LintConfig | undefined,
): { rule: EvalResultsRule; severity: Severity }[] {
  const active: { rule: EvalResultsRule; severity: Severity }[] = [];
  for (const rule of EVAL_RESULTS_RULES) {
    const setting = config?.rules?.[rule.id];
    const raw = Array.isArray(setting) ? setting[0] : typeof setting === "object" ? setting?.severity : setting;
    if (raw === "off") continue;
    if (raw !== undefined && raw !== "warn" && raw !== "error") {
      const where = config?.source ? `${config.source}: ` : "";
      throw new LintConfigError(
        `${where}rules.${rule.id}: severity ${JSON.stringify(raw)} is not one of off, warn, error.`,
      );
    }
    const configured = raw === undefined ? undefined : SEVERITIES[raw];
    active.push({ rule, severity: configured ?? (config?.preset === "strict" ? "error" : rule.defaultSeverity) });
  }
  return active;
}

interface Finding extends LintMessage {
  evalFix?: EvalResultsFix;
}

function run(text: string, options: EvalResultsLintOptions): Finding[] {
  const file = EvalResultsFile.parse(text);
  // A byte order mark is not part of the YAML; fixes are in the file's offsets.
  const shift = text.length - file.toString().length;
  const entries: EvalResultsLintEntry[] = file.items.map((item) => ({
    index: item.index,
    data: item.data,
    path: item.wrapper ? [item.index, "data"] : [item.index],
  }));
  const readable = file.problems.length === 0;
  const context = {
    file,
    entries,
    earlierFiles: options.earlierFiles ?? [],
    committedText: options.committedText ?? null,
    filePath: options.filePath,
  };
  const findings: Finding[] = [];
  for (const { rule, severity } of activeEvalResultsRules(options.config)) {
    if (!readable && rule.reads !== "file") continue;
    rule.check(context, (report) => {
      const position =
        report.line === undefined
          ? file.positionOf(report.path ?? [], report.atValue)
          : { line: report.line, column: report.column ?? 1 };
      const fix = rule.fixable ? report.fix : undefined;
      findings.push({
        ruleId: rule.id,
        severity,
        message: report.message,
        ...position,
        ...(fix && {
          fix: { range: [fix.range[0] + shift, fix.range[1] + shift], text: fix.text },
          evalFix: { ...fix, range: [fix.range[0] + shift, fix.range[1] + shift] },
        }),
      });
    });
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

function plain({ evalFix: _, ...message }: Finding): LintMessage {
  return message;
}

/** Lints the text of one `.eval_results/*.yaml` file; messages in ESLint's shape, sorted by position. */
export function lintEvalResultsText(text: string, options: EvalResultsLintOptions = {}): LintMessage[] {
  return run(text, options).map(plain);
}

function setAt(target: unknown, path: KeyPath, value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

/**
 * Applies the safe fixes to a file's text. The result is taken only when the Hub's reader reads it as the old
 * list with exactly the fixed values changed; otherwise the text is returned unchanged.
 */
export function fixEvalResultsText(
  text: string,
  options: EvalResultsLintOptions = {},
): { output: string; messages: LintMessage[]; fixed: number } {
  const fixes = run(text, options)
    .flatMap((finding) => (finding.evalFix ? [finding.evalFix] : []))
    .sort((a, b) => b.range[0] - a.range[0]);
  let output = text;
  let end = Number.POSITIVE_INFINITY;
  const applied: EvalResultsFix[] = [];
  for (const fix of fixes) {
    if (fix.range[1] > end) continue; // overlaps a fix already applied
    output = output.slice(0, fix.range[0]) + fix.text + output.slice(fix.range[1]);
    end = fix.range[0];
    applied.push(fix);
  }
  if (applied.length === 0) return { output: text, messages: run(text, options).map(plain), fixed: 0 };
  const expected = structuredClone(EvalResultsFile.parse(text).hubReading);
  for (const fix of applied) if (expected.ok) setAt(expected.value, fix.path, fix.value);
  const reading = EvalResultsFile.parse(output).hubReading;
  if (!expected.ok || !reading.ok || !isDeepStrictEqual(reading.value, expected.value)) {
    return { output: text, messages: run(text, options).map(plain), fixed: 0 };
  }
  return { output, messages: run(output, options).map(plain), fixed: applied.length };
}

/** The keys of the folder's `.eval_results` files sorted before `path`, for duplicates across files. */
function earlierFilesOf(path: string): { name: string; keys: EvalResultsEntryKey[] }[] {
  const folder = dirname(path);
  const name = basename(path);
  let names: string[];
  try {
    names = readdirSync(folder).filter(isEvalResultsFileName).sort();
  } catch {
    return [];
  }
  const earlier: { name: string; keys: EvalResultsEntryKey[] }[] = [];
  for (const other of names) {
    if (other >= name) break;
    try {
      // Opened without waiting: a FIFO among the files is reported when it is linted itself, never waited on here.
      const file = EvalResultsFile.parse(readCardFileSync(join(folder, other)).toString("utf8"));
      const keys = file.items.flatMap((item) => keyOfEntryData(item.data) ?? []);
      earlier.push({ name: other, keys });
    } catch {
      // An unreadable neighbour is reported when it is linted itself.
    }
  }
  return earlier;
}

/**
 * Lints (and with `fix`, fixes) one `.eval_results/*.yaml` file whose bytes are read: the file's own rules, plus
 * duplicates against the files before it in its folder and, for entries with a verifyToken, the value last
 * committed. Never throws on content: a binary file or a failed write gives a fatal result.
 */
export async function lintEvalResultsBytes(
  data: Uint8Array,
  path: string,
  options: { config?: LintConfig; fix?: boolean; displayName?: string } = {},
): Promise<FileResult> {
  const file = options.displayName ?? path;
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.subarray(0, 8192).includes(0))
    return unreadableResult(file, `${file}: this is a binary file, not a YAML list of scores.`);
  const text = bytes.toString("utf8");
  const lintOptions: EvalResultsLintOptions = {
    filePath: path,
    earlierFiles: earlierFilesOf(path),
    committedText: text.includes("verifyToken") ? readCommittedText(path) : null,
    ...(options.config && { config: options.config }),
  };
  if (!options.fix) return fileResult(file, lintEvalResultsText(text, lintOptions));
  const { output, messages, fixed } = fixEvalResultsText(text, lintOptions);
  if (output !== text) {
    try {
      const { writeFileAtomically } = await import("../io/write-file-atomically.js");
      await writeFileAtomically(path, output);
    } catch (error) {
      return unreadableResult(file, (error as Error).message);
    }
  }
  return fileResult(file, messages, { fixed });
}
