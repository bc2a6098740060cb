import type { CardProblem, CrossReaderDifference, Metadata } from "../card/index.js";
import type { KeyPath } from "../card/position-index.js";

export type { KeyPath };

export type Severity = "error" | "warning";
/** How a configuration file names a severity. */
export type ConfiguredSeverity = "off" | "warn" | "error";

/** A text edit of the card file (ESLint's shape): replace the characters in `range` with `text`. */
export interface LintFix {
  range: [number, number];
  text: string;
}

/**
 * A fix as a rule reports it: a card edit. `[start, end)` of the YAML block (offsets in the block) becomes `text`,
 * and the Hub then reads the value at `set.path` as `set.value` or, without `set`, the very same metadata
 * (re-quoting, white space). The card verifies it like every other edit before `--fix` applies it; a fix it
 * refuses is not offered. A `LintFix` (file offsets) from a custom rule is taken as a change that keeps the metadata.
 */
export interface LintFixEdit {
  start: number;
  end: number;
  text: string;
  set?: { path: KeyPath; value: unknown };
}

/** One finding, in card-file coordinates (1-based), the shape ESLint's JSON formatter uses. */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: LintFix;
  /** Set (as ESLint does) when the card could not be checked: a rule or the reader crashed. The run exits 2. */
  fatal?: boolean;
}

/** A scalar's place in the YAML block and how it is written. */
export interface ScalarSpan {
  /** Offsets in the YAML block. */
  start: number;
  end: number;
  /** The scalar as written (quotes included). */
  source: string;
}

/**
 * What a rule reads: the card core's one reading of a card (the Hub's metadata, the reader's problems) and,
 * on demand, the positions of its keys and values.
 */
export interface LintSource {
  readonly text: string;
  readonly hasFrontMatter: boolean;
  /** False when the Hub would reject the front matter (js-yaml cannot read it, or it is not a mapping). */
  readonly hubReadable: boolean;
  readonly metadata: Metadata;
  readonly problems: readonly CardProblem[];
  readonly crossReaderDifferences: readonly CrossReaderDifference[];
  /** Offset of the YAML block in the file. */
  readonly yamlStart: number;
  /** 1-based line and column in the file of an offset in the YAML block. */
  positionAt(offset: number): { line: number; column: number };
  /** Offset in the YAML block where the key of the pair at `path` starts. */
  keyOffset(path: KeyPath): number | null;
  /** Offset in the YAML block where the value at `path` starts. */
  valueOffset(path: KeyPath): number | null;
  /** The scalar at `path`, or null when the value is missing or a collection. */
  scalarAt(path: KeyPath): ScalarSpan | null;
}

/** What a rule reports; the engine turns it into a LintMessage. */
export interface LintReport {
  message: string;
  /** Key path of the offending value: the message points at its key (or at the list item). */
  path?: KeyPath;
  /** Point at the value at `path` instead of its key. */
  atValue?: boolean;
  /** Explicit position, for findings that are not at a key path. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fix?: LintFixEdit | LintFix;
  /** A grade for this finding when the user has not set the rule's severity (e.g. a warning from an error rule). */
  severity?: Severity;
}

export interface RuleContext<Options = unknown> {
  card: LintSource;
  options: Options;
  filePath: string | undefined;
}

/** Every rule has this shape; built-in rules live one per file in `src/lint/rules/`. */
export interface LintRule<Options = unknown> {
  /** kebab-case, stable; the name used in configuration and in `docs/rules/<id>.md`. */
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /**
   * What the rule reads (markdownlint's rules declare their parser the same way): `"metadata"`, the Hub's reading
   * of the front matter (the default; such a rule does not run on a card the Hub cannot read, whose metadata is
   * empty, so that one root cause gives one message); `"reader"`, the card reader's own findings (its problems,
   * whether there is front matter), which hold on every card.
   */
  reads?: "metadata" | "reader";
  /** Default options; a rule without options leaves this out. */
  defaultOptions?: Options;
  /** Checks and completes user options; throws an Error whose message says what is wrong. */
  parseOptions?(raw: unknown): Options;
  check(context: RuleContext<Options>, report: (finding: LintReport) => void): void;
}

/** A rule's setting: `"warn"`, `["error", {options}]` or `{severity, options}`. */
export type RuleSetting =
  | ConfiguredSeverity
  | [ConfiguredSeverity]
  | [ConfiguredSeverity, unknown]
  | { severity?: ConfiguredSeverity; options?: unknown };

/** A starting set of severities: `recommended` (the default: error = the Hub rejects), `strict` (all errors). */
export type LintPreset = "recommended" | "strict";

/** Lint configuration, as written in `modelcard.config.{json,yaml}` once custom rules are loaded. */
export interface LintConfig {
  /**
   * `recommended` (default): errors are what the Hub rejects, the rest warnings. `strict`: every rule's findings
   * are errors and `requiredFields` defaults to `seed`; `rules` still override.
   */
  preset?: LintPreset;
  /** Per-rule severity and options, by rule id. */
  rules?: Record<string, RuleSetting>;
  /** Shorthand for the `required-fields` rule: a field list or a preset name (`generated`, `seed`). */
  requiredFields?: readonly string[] | string;
  /** Module paths of custom rules, relative to the configuration file (each exports `rules` or a default list). */
  customRules?: readonly string[];
  /** `eval import`'s benchmark task ids: dataset id → task id, or → {harness subset: task id} (read, not linted). */
  evalTaskIds?: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
  /** Custom rules, loaded; `loadLintConfig` fills this from `customRules`. */
  plugins?: readonly LintRule[];
  /** Where the configuration came from, for messages. */
  source?: string;
}

export interface LintOptions {
  config?: LintConfig;
  filePath?: string;
}

/** Metadata re-exported for rule authors. */
export type { Metadata };
