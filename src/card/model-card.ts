import { readFile } from "node:fs/promises";
import { isDeepStrictEqual } from "node:util";
import { type Document, isMap, type Node, type Pair, parseDocument, type Scalar } from "yaml";
import { type CrossReaderDifference, findCrossReaderDifferences } from "./cross-reader.js";
import { decodeCardBytes } from "./decode-card-bytes.js";
import {
  completeEvalResult,
  EVAL_RESULT_FIELDS,
  type EvalResult,
  type EvalResultInput,
  formatPath,
  type ModelIndexResult,
  metricEntry,
  readModelIndex,
  resultEntry,
} from "./eval-results.js";
import { detectLineEnding, type LineEnding, newlineFor, splitFrontMatter } from "./front-matter.js";
import { MetadataConflictError } from "./metadata-conflict-error.js";
import type { PositionIndex } from "./position-index.js";
import type { CardProblem } from "./problem.js";
import { type BlockReading, DEFAULT_MAX_BLOCK_LENGTH, type Metadata, readBlock } from "./read-block.js";
import { type BlockStyle, detectBlockStyle, PYYAML_STYLE, renderPair } from "./yaml-writing.js";

export interface ParseOptions {
  /** Front-matter blocks longer than this (in characters) are reported, not parsed. */
  maxBlockLength?: number;
  /** Problems found before parsing (e.g. bytes that are not UTF-8), listed first. */
  extraProblems?: readonly CardProblem[];
}

export interface UpdateOptions {
  /** Replace existing non-null values (huggingface_hub's `overwrite`). */
  overwrite?: boolean;
}

export interface AddEvalResultOptions extends UpdateOptions {
  /** The model-index entry to add to; default: the entry whose results match, else the last entry. */
  modelName?: string;
}

interface Parts {
  bom: string;
  opening: string;
  yaml: string;
  closing: string;
  body: string;
  hasFrontMatter: boolean;
}

const BOM = "\uFEFF";

/**
 * A Hugging Face model card: YAML front matter and a Markdown body. Reads any README.md the way the Hub does,
 * collects content problems instead of throwing, and writes back byte for byte; edits touch only the lines of
 * the keys they change.
 */
export class ModelCard {
  #parts: Parts;
  #reading!: BlockReading;
  #problems!: CardProblem[];
  #modelIndex!: ReturnType<typeof readModelIndex>;
  #differences: CrossReaderDifference[] | undefined;
  #document: Document.Parsed | undefined;
  readonly #options: ParseOptions;

  private constructor(parts: Parts, options: ParseOptions) {
    this.#parts = parts;
    this.#options = options;
    this.#read();
  }

  /** Reads a card from its text. Never throws on content; see `problems`. */
  static parse(text: string, options: ParseOptions = {}): ModelCard {
    if (typeof text !== "string") throw new TypeError("ModelCard.parse expects the card's text as a string");
    const bom = text.startsWith(BOM) ? BOM : "";
    const split = splitFrontMatter(bom ? text.slice(1) : text);
    return new ModelCard({ bom, ...split }, options);
  }

  /** Reads a card file (UTF-8). I/O errors are thrown with the path in the message. */
  static async load(path: string, options: ParseOptions = {}): Promise<ModelCard> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      throw new Error(`${path}: cannot read the card (${reason}); check the path.`, { cause: error });
    }
    return ModelCard.fromBytes(bytes, options);
  }

  /** Reads a card from its bytes; bytes that are not UTF-8 are reported as an `invalid-utf8` problem. */
  static fromBytes(bytes: Uint8Array, options: ParseOptions = {}): ModelCard {
    const { text, problems } = decodeCardBytes(bytes);
    return ModelCard.parse(text, problems.length ? { ...options, extraProblems: problems } : options);
  }

  /** A new card from metadata and a body, written the way huggingface_hub writes (model-index last). */
  static create(metadata: Metadata, body = "", options: { lineEnding?: "lf" | "crlf" } = {}): ModelCard {
    const { "model-index": modelIndex, ...rest } = metadata;
    const ordered = modelIndex === undefined ? rest : { ...rest, "model-index": modelIndex };
    const yaml = Object.entries(ordered)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => renderPair(key, value, PYYAML_STYLE))
      .join("\n");
    // An empty block is one the Hub rejects ("The YAML metadata of your README.md is invalid."); `{}` it reads.
    const header = `---\n${yaml === "" ? "{}" : yaml}\n---\n`;
    return ModelCard.parse((options.lineEnding === "crlf" ? header.replaceAll("\n", "\r\n") : header) + body);
  }

  #read(): void {
    const { bom, opening, yaml, hasFrontMatter } = this.#parts;
    const firstLine = (bom + opening).split("\n").length;
    this.#reading = readBlock(
      yaml,
      firstLine,
      hasFrontMatter,
      this.#options.maxBlockLength ?? DEFAULT_MAX_BLOCK_LENGTH,
    );
    this.#differences = undefined;
    this.#document = undefined;
    this.#modelIndex = readModelIndex(this.#reading.metadata["model-index"]);
    this.#problems = [...(this.#options.extraProblems ?? []), ...this.#reading.problems];
    const error = this.#modelIndex.error;
    if (error) {
      const where = this.#positionOfPath(error.path) ?? this.#positionOfPath(["model-index"]) ?? { line: 1, column: 1 };
      this.#problems.push({
        code: "invalid-model-index",
        severity: "error",
        message: `${formatPath(error.path)}: ${error.message}; the model-index yields no evaluation results.`,
        ...where,
      });
    }
  }

  get hasFrontMatter(): boolean {
    return this.#parts.hasFrontMatter;
  }

  get lineEnding(): LineEnding {
    return detectLineEnding(this.toString());
  }

  /**
   * The front matter as plain data, exactly as the Hub reads it (js-yaml 4's default schema: unquoted dates are
   * `Date`s, `<<` merge keys are merged). A block the Hub cannot read, or that is not a mapping, gives `{}`.
   */
  get metadata(): Metadata {
    return this.#reading.metadata;
  }

  /** False when the Hub would reject the front matter (js-yaml cannot read it, or it is not a mapping). */
  get hubReadable(): boolean {
    return this.#reading.hubReadable;
  }

  get body(): string {
    return this.#parts.body;
  }

  /** Replaces the Markdown body; the front matter stays as it is. */
  set body(body: string) {
    this.#parts = { ...this.#parts, body };
  }

  /** The closing fence with the line break(s) around it; empty when there is no front matter. */
  get closingFence(): string {
    return this.#parts.closing;
  }

  /** The raw YAML text of the front-matter block. */
  get frontMatter(): string {
    return this.#parts.yaml;
  }

  /**
   * The block as a `yaml` Document (comments and formatting kept), parsed on first use, for lossless edits; null
   * when there is no front matter. Its reading is strict YAML 1.2: `metadata` is what the Hub reads.
   */
  get document(): Document.Parsed | null {
    if (!this.#parts.hasFrontMatter || this.#parts.yaml === "") return null;
    this.#document ??= parseDocument(this.#parts.yaml, { prettyErrors: false, uniqueKeys: false, version: "1.2" });
    return this.#document;
  }

  get problems(): readonly CardProblem[] {
    return this.#problems;
  }

  /** One result per metric, or null when there is no valid model-index. */
  get evalResults(): EvalResult[] | null {
    return this.#modelIndex.results;
  }

  /** The model name of the model-index (its last entry's, as huggingface_hub keeps it). */
  get modelName(): string | null {
    return this.#modelIndex.modelName;
  }

  /** Plain scalars (keys included) that PyYAML (huggingface_hub) reads differently from the Hub. */
  get crossReaderDifferences(): readonly CrossReaderDifference[] {
    const reading = this.#reading;
    this.#differences ??= reading.mayDifferInPyYaml
      ? findCrossReaderDifferences(reading.positions(), reading.metadata)
      : [];
    return this.#differences;
  }

  /** 1-based line and column in the card file of an offset in the YAML block. */
  positionAt(offset: number): { line: number; column: number } {
    return this.#reading.positionAt(offset);
  }

  /** Offsets of keys and values in the YAML block, from the Hub's reader's own pass (built on first use). */
  get positions(): PositionIndex {
    return this.#reading.positions();
  }

  /** Where the value at `path` (e.g. `["model-index", 0, "results"]`) starts and ends in the card file. */
  locate(
    path: readonly (string | number)[],
  ): { line: number; column: number; endLine: number; endColumn: number } | null {
    const node = path.length === 0 ? this.positions.root : this.positions.nodeAt(path);
    if (!node) return null;
    const start = this.positionAt(node.start);
    const end = this.positionAt(node.end);
    return { ...start, endLine: end.line, endColumn: end.column };
  }

  /** Where the key of the pair at `path` starts, the natural place to point a message at. */
  locateKey(path: readonly (string | number)[]): { line: number; column: number } | null {
    const entry = this.positions.entryAt(path);
    return entry ? this.positionAt(entry.keyStart) : null;
  }

  #positionOfPath(path: readonly (string | number)[]): { line: number; column: number } | null {
    for (let length = path.length; length > 0; length--) {
      const found = this.locateKey(path.slice(0, length)) ?? this.locate(path.slice(0, length));
      if (found) return { line: found.line, column: found.column };
    }
    return null;
  }

  /** Sets a top-level key. Only that key's lines change; a new key is written in the block's style. */
  set(key: string, value: unknown): this {
    if (typeof key !== "string" || key === "") throw new TypeError("ModelCard.set expects a non-empty string key");
    if (value === undefined) return this.delete(key);
    const pair = this.#topLevelPair(key);
    if (pair) {
      // The key's own lines say best how it was written; the rest of the block fills in.
      const [start, end] = this.#pairSpan(pair);
      const style = { ...this.#style(), ...detectBlockStyle(this.#parts.yaml.slice(start, end)) };
      this.#spliceYaml(start, end, renderPair(key, value, style));
    } else {
      this.#insertPair(renderPair(key, value, this.#style()));
    }
    return this;
  }

  /** Removes a top-level key and its lines; nothing happens when the key is absent. */
  delete(key: string): this {
    const pair = this.#topLevelPair(key);
    if (!pair) return this;
    const yaml = this.#parts.yaml;
    const [start, end] = this.#pairSpan(pair);
    const lineStart = yaml.lastIndexOf("\n", start - 1) + 1;
    const newlineAfter = yaml.indexOf("\n", end);
    const lineEnd = newlineAfter === -1 ? yaml.length : newlineAfter + 1;
    // Keep the line break before the closing fence when the last key goes.
    const from =
      newlineAfter === -1 && lineStart > 0 ? lineStart - 1 - (yaml[lineStart - 2] === "\r" ? 1 : 0) : lineStart;
    this.#spliceYaml(from, lineEnd, "");
    return this;
  }

  /**
   * Merges `patch` into the metadata with huggingface_hub's `metadata_update` rules: a key whose current value
   * is not null and differs needs `overwrite`. `model-index` is merged result by result.
   */
  update(patch: Metadata, options: UpdateOptions = {}): this {
    const { "model-index": modelIndex, ...rest } = patch;
    for (const [key, value] of Object.entries(rest)) {
      const current = this.metadata[key];
      if (current !== undefined && current !== null && !isDeepStrictEqual(current, value) && !options.overwrite) {
        throw new MetadataConflictError(
          key,
          `You passed a new value for the existing meta data field '${key}'. Set \`overwrite=True\` to overwrite existing metadata.`,
        );
      }
    }
    if (modelIndex !== undefined) {
      const reading = readModelIndex(modelIndex);
      if (reading.error) throw new TypeError(`update: ${formatPath(reading.error.path)}: ${reading.error.message}`);
      for (const result of reading.results ?? [])
        this.addEvalResult(result, { ...options, modelName: reading.modelName ?? undefined });
    }
    for (const [key, value] of Object.entries(rest)) {
      if (!isDeepStrictEqual(this.metadata[key], value)) this.set(key, value);
    }
    return this;
  }

  /**
   * Adds one evaluation result. It is matched with the existing ones on every field but its value and verify
   * token; a match with another value needs `overwrite`, no match appends it to its result group or a new one.
   */
  addEvalResult(input: EvalResultInput, options: AddEvalResultOptions = {}): this {
    const result = completeEvalResult(input);
    const current = this.metadata["model-index"];
    if (current !== undefined && current !== null && this.#modelIndex.error) {
      throw new TypeError(
        `Cannot add an evaluation result: ${this.#problems.find((p) => p.code === "invalid-model-index")?.message}`,
      );
    }
    const modelIndex = structuredClone(Array.isArray(current) ? current : []) as ModelIndexEntry[];
    const identity = (candidate: EvalResult) =>
      EVAL_RESULT_FIELDS.every(
        (field) =>
          field === "metricValue" || field === "verifyToken" || isDeepStrictEqual(candidate[field], result[field]),
      );

    const place = this.#findMetric(modelIndex, identity);
    if (place) {
      const metric = place.metric;
      if (isDeepStrictEqual(metric.value, result.metricValue)) return this;
      if (!options.overwrite) {
        throw new MetadataConflictError(
          "model-index",
          `You passed a new value for the existing metric 'name: ${result.metricName}, type: ${result.metricType}'. Set \`overwrite=True\` to overwrite existing metrics.`,
        );
      }
      metric.value = result.metricValue;
      if (result.verifyToken !== null) metric.verifyToken = result.verifyToken;
      return this.set("model-index", modelIndex);
    }

    const sameGroup = (candidate: EvalResult) =>
      EVAL_RESULT_FIELDS.every(
        (field) =>
          field.startsWith("metric") ||
          field === "verified" ||
          field === "verifyToken" ||
          isDeepStrictEqual(candidate[field], result[field]),
      );
    const group = this.#findMetric(modelIndex, sameGroup, options.modelName);
    if (group) {
      group.result.metrics.push(metricEntry(result));
      return this.set("model-index", modelIndex);
    }

    const name = options.modelName ?? this.modelName ?? "model";
    let entry = modelIndex.filter((candidate) => candidate.name === name).at(-1);
    if (!entry) {
      entry = { name, results: [] };
      modelIndex.push(entry);
    }
    entry.results.push(resultEntry(result, [metricEntry(result)]));
    return this.set("model-index", modelIndex);
  }

  #findMetric(modelIndex: ModelIndexEntry[], matches: (result: EvalResult) => boolean, modelName?: string) {
    for (const entry of modelIndex) {
      if (modelName !== undefined && entry.name !== modelName) continue;
      for (const result of entry.results ?? []) {
        for (const metric of result.metrics ?? []) {
          const flat = readModelIndex([{ name: entry.name, results: [{ ...result, metrics: [metric] }] }]).results?.[0];
          if (flat && matches(flat)) return { entry, result, metric };
        }
      }
    }
    return null;
  }

  /** The card's text. An unedited card returns its input byte for byte. */
  toString(): string {
    const { bom, opening, yaml, closing, body } = this.#parts;
    return bom + opening + yaml + closing + body;
  }

  #style(): BlockStyle {
    return { ...PYYAML_STYLE, ...(this.#parts.hasFrontMatter ? detectBlockStyle(this.#parts.yaml) : {}) };
  }

  #editableMap() {
    const reading = this.#reading;
    if (!reading.hubReadable) {
      throw new Error("This card's front matter has errors (see card.problems); fix them before editing it.");
    }
    const contents = this.document?.contents;
    return isMap(contents) ? contents : null;
  }

  #topLevelPair(key: string): Pair<Scalar, Node | null> | undefined {
    const map = this.#editableMap();
    const pairs = (map?.items ?? []) as Pair<Scalar, Node | null>[];
    return pairs.filter((pair) => pair.key?.value === key).at(-1);
  }

  /** From the key's first character to the value's last non-blank one; a trailing comment stays outside. */
  #pairSpan(pair: Pair<Scalar, Node | null>): [number, number] {
    const start = pair.key.range?.[0] ?? 0;
    const valueEnd = pair.value?.range?.[1] ?? pair.key.range?.[1] ?? start;
    let end = Math.max(valueEnd, pair.key.range?.[1] ?? start);
    const yaml = this.#parts.yaml;
    while (end > start && /\s/.test(yaml[end - 1] ?? "")) end--;
    if (!pair.value?.range || pair.value.range[1] === pair.value.range[0]) {
      // `key:` with no value: include the colon.
      const colon = yaml.indexOf(":", end);
      if (colon !== -1 && yaml.slice(end, colon).trim() === "") end = colon + 1;
    }
    return [start, end];
  }

  #insertPair(rendered: string): void {
    const map = this.#editableMap();
    if (!this.#parts.hasFrontMatter) {
      const newline = newlineFor(this.#parts.body);
      this.#parts = {
        ...this.#parts,
        opening: `---${newline}`,
        yaml: "",
        closing: `${newline}---${newline}`,
        hasFrontMatter: true,
      };
    }
    if (map?.flow)
      throw new Error("This card's front matter is a flow mapping ({...}); rewrite it in block style to edit it.");
    const yaml = this.#parts.yaml;
    const modelIndex = this.#topLevelPair("model-index");
    const isLast = modelIndex && map && map.items[map.items.length - 1] === modelIndex;
    // huggingface_hub keeps model-index last; new keys go before it.
    if (isLast) {
      const at = modelIndex.key.range?.[0] ?? yaml.length;
      this.#spliceYaml(at, at, `${rendered}\n`);
    } else if (yaml.trim() === "") {
      this.#spliceYaml(0, yaml.length, rendered);
    } else {
      this.#spliceYaml(yaml.length, yaml.length, `\n${rendered}`);
    }
  }

  #spliceYaml(start: number, end: number, replacement: string): void {
    const yaml = this.#parts.yaml;
    const newline = newlineFor(this.toString());
    const text = newline === "\n" ? replacement : replacement.replace(/\r?\n/g, newline);
    this.#parts = { ...this.#parts, yaml: yaml.slice(0, start) + text + yaml.slice(end) };
    this.#read();
  }
}

interface ModelIndexEntry {
  name?: unknown;
  results: ModelIndexResult[];
}
