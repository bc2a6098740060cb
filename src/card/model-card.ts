import { isDeepStrictEqual } from "node:util";
import type { Document } from "yaml";
import { readCardFile } from "../io/read-card-file.js";
import { type CrossReaderDifference, findCrossReaderDifferences } from "./cross-reader.js";
import { decodeCardBytes } from "./decode-card-bytes.js";
import { deepFreeze } from "./deep-freeze.js";
import { applyCardEdit, type CardSplit } from "./edit/apply-card-edit.js";
import type { CardEdit } from "./edit/card-edit.js";
import { CardEditRefusedError } from "./edit/card-edit-refused-error.js";
import { createCardText } from "./edit/create-card-text.js";
import { nameModelIndexEntries } from "./edit/name-model-index-entries.js";
import { planEvalResultEdits } from "./edit/plan-eval-result-edits.js";
import { type EvalResult, type EvalResultInput, formatPath, readModelIndex } from "./eval-results.js";
import { MAX_NESTING_DEPTH } from "./find-nesting-past.js";
import { detectLineEnding, type LineEnding, splitCard } from "./front-matter.js";
import { readHubYaml } from "./hub-yaml.js";
import { MetadataConflictError } from "./metadata-conflict-error.js";
import type { PositionIndex } from "./position-index.js";
import type { CardProblem } from "./problem.js";
import { type BlockReading, DEFAULT_MAX_BLOCK_LENGTH, type Metadata, readBlock } from "./read-block.js";
import { parseStrictYaml } from "./strict-yaml.js";
import { valueNestsPast } from "./value-nests-past.js";

export interface ParseOptions {
  /** Front-matter blocks longer than this (in characters) are reported, not parsed. */
  maxBlockLength?: number;
  /** Problems found before parsing (e.g. bytes that are not UTF-8), listed first. */
  extraProblems?: readonly CardProblem[];
}

export interface UpdateOptions {
  /** Replace existing non-null values (huggingface_hub's `overwrite`). */
  overwrite?: boolean;
  /** The model name for model-index entries: `addEvalResult`'s entry, or the name of a patch's entry without one. */
  modelName?: string;
}

export type AddEvalResultOptions = UpdateOptions;

type Parts = CardSplit;

/**
 * A Hugging Face model card: YAML front matter and a Markdown body. Reads any README.md the way the Hub does,
 * collects content problems instead of throwing, and writes back byte for byte; edits touch only the lines of
 * the keys they change.
 */
export class ModelCard {
  #parts: Parts;
  #reading: BlockReading;
  #problems: readonly CardProblem[] | undefined;
  #modelIndex: ReturnType<typeof readModelIndex> | undefined;
  #differences: CrossReaderDifference[] | undefined;
  #document: Document.Parsed | undefined;
  readonly #options: ParseOptions;

  private constructor(parts: Parts, options: ParseOptions) {
    this.#parts = parts;
    this.#options = options;
    this.#reading = this.#readParts(parts);
  }

  /** Reads a card from its text. Never throws on content; see `problems`. */
  static parse(text: string, options: ParseOptions = {}): ModelCard {
    if (typeof text !== "string") throw new TypeError("ModelCard.parse expects the card's text as a string");
    return new ModelCard(splitCard(text), options);
  }

  /**
   * Reads a card file: `fromBytes` of its bytes. The file is opened without waiting and checked before it is
   * read: a FIFO, a socket or a device is refused as "not a regular file". I/O errors are thrown as a
   * FileAccessError with the path in the message.
   */
  static async load(path: string, options: ParseOptions = {}): Promise<ModelCard> {
    return ModelCard.fromBytes(await readCardFile(path), options);
  }

  /**
   * Reads a card from its bytes: the one way bytes become a card, for every command. A byte order mark is kept
   * apart; bytes that are not UTF-8 are an `invalid-utf8` problem (edits are refused: they would write U+FFFD);
   * a NUL byte is a `binary-content` error, and such bytes are not read as a card at all.
   */
  static fromBytes(bytes: Uint8Array, options: ParseOptions = {}): ModelCard {
    if (!(bytes instanceof Uint8Array)) throw new TypeError("ModelCard.fromBytes expects the card's bytes");
    const { text, problems, binary } = decodeCardBytes(bytes);
    const decoded = problems.length
      ? { ...options, extraProblems: [...problems, ...(options.extraProblems ?? [])] }
      : options;
    if (!binary) return ModelCard.parse(text, decoded);
    const parts = { bom: "", opening: "", yaml: "", closing: "", body: text, hasFrontMatter: false };
    return new ModelCard(parts, decoded);
  }

  /**
   * A new card from metadata and a body, written the way huggingface_hub writes (model-index last). The text is
   * read back with the Hub's reader first: metadata it would read differently is refused (CardEditRefusedError).
   */
  static create(metadata: Metadata, body = "", options: { lineEnding?: "lf" | "crlf" } = {}): ModelCard {
    return ModelCard.parse(createCardText(metadata, body, options));
  }

  /** The card's reader over a split text: js-yaml once, and the checks over its result. */
  #readParts({ bom, opening, yaml, hasFrontMatter }: Parts): BlockReading {
    const firstLine = (bom + opening).split("\n").length;
    return readBlock(yaml, firstLine, hasFrontMatter, this.#options.maxBlockLength ?? DEFAULT_MAX_BLOCK_LENGTH);
  }

  /** Takes a new text and its reading (an edit's verified one), dropping what was derived from the old. */
  #adopt(parts: Parts, reading: BlockReading): void {
    this.#parts = parts;
    this.#reading = reading;
    this.#differences = undefined;
    this.#document = undefined;
    this.#modelIndex = undefined;
    this.#problems = undefined;
  }

  /** The model-index as huggingface_hub reads it, on first use: a lint run over thousands of cards never needs it. */
  get #evalReading(): ReturnType<typeof readModelIndex> {
    this.#modelIndex ??= deepFreeze(readModelIndex(this.metadata["model-index"]));
    return this.#modelIndex;
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
    // Frozen (by the reader's own pass over the data; here only what it did not walk): the edit methods are the
    // only way to change a card, and a mutated object would silently differ from the text.
    return deepFreeze(this.#reading.metadata);
  }

  /** False when the Hub would reject the front matter (js-yaml cannot read it, or it is not a mapping). */
  get hubReadable(): boolean {
    return this.#reading.hubReadable;
  }

  /** The Markdown body; setting it replaces the body, and the front matter stays as it is. */
  get body(): string {
    return this.#parts.body;
  }

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
   * when there is no front matter or it nests past the limit. Its reading is strict YAML 1.2: `metadata` is what
   * the Hub reads.
   */
  get document(): Document.Parsed | null {
    if (!this.#parts.hasFrontMatter || this.#parts.yaml === "") return null;
    // Deeper than the limit, `yaml`'s Document reader can abort the process.
    if (this.readerProblems.some((problem) => problem.code === "nesting-limit")) return null;
    this.#document ??= parseStrictYaml(this.#parts.yaml);
    return this.#document;
  }

  /** Everything wrong with the card: its bytes, its YAML (`readerProblems`) and a model-index with no results. */
  get problems(): readonly CardProblem[] {
    if (!this.#problems) {
      const problems = [...this.readerProblems];
      const error = this.#evalReading.error;
      if (error) {
        const where = this.#positionOfPath(error.path) ??
          this.#positionOfPath(["model-index"]) ?? { line: 1, column: 1 };
        problems.push({
          code: "invalid-model-index",
          severity: "error",
          message: `${formatPath(error.path)}: ${error.message}; the model-index yields no evaluation results.`,
          ...where,
        });
      }
      this.#problems = deepFreeze(problems);
    }
    return this.#problems;
  }

  /** The problems of reading the card: bytes that are not UTF-8, then what the Hub's reader and others say. */
  get readerProblems(): readonly CardProblem[] {
    const extra = this.#options.extraProblems ?? [];
    return deepFreeze(extra.length === 0 ? this.#reading.problems : [...extra, ...this.#reading.problems]);
  }

  /** One result per metric, or null when there is no valid model-index. */
  get evalResults(): readonly EvalResult[] | null {
    return this.#evalReading.results;
  }

  /** The model name of the model-index (its last entry's, as huggingface_hub keeps it). */
  get modelName(): string | null {
    return this.#evalReading.modelName;
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

  /**
   * Sets a top-level key. Only that key's node changes (a flow mapping stays flow, an indented block keeps its
   * indentation); the result is read back with the Hub's reader before it replaces the text, and an edit that
   * cannot be proven safe throws a CardEditRefusedError, leaving the card as it was.
   */
  set(key: string, value: unknown): this {
    if (typeof key !== "string" || key === "") throw new TypeError("ModelCard.set expects a non-empty string key");
    if (value === undefined) return this.delete(key);
    return this.#edit([{ kind: "set", path: [key], value }]);
  }

  /** Removes a top-level key and its lines (verified like `set`); nothing happens when the key is absent. */
  delete(key: string): this {
    return this.#edit([{ kind: "delete", path: [key] }]);
  }

  /**
   * Merges `patch` into the metadata with huggingface_hub's `metadata_update` rules: a key whose current value
   * is not null and differs needs `overwrite`. `model-index` is merged result by result; an entry without
   * `name` keeps the card's model name. All or nothing: a refused step leaves the card as it was.
   */
  update(patch: Metadata, options: UpdateOptions = {}): this {
    const { "model-index": modelIndex, ...rest } = patch;
    // Own keys only: `constructor` or `toString` are not in a card just because objects have them.
    const currentValue = (key: string) => (Object.hasOwn(this.metadata, key) ? this.metadata[key] : undefined);
    for (const [key, value] of Object.entries(rest)) {
      const current = currentValue(key);
      if (current !== undefined && current !== null && !isDeepStrictEqual(current, value) && !options.overwrite) {
        throw new MetadataConflictError(
          key,
          `You passed a new value for the existing meta data field '${key}'. Set \`overwrite=True\` to overwrite existing metadata.`,
        );
      }
    }
    const before = { parts: this.#parts, reading: this.#reading };
    try {
      if (modelIndex !== undefined) {
        const reading = readModelIndex(nameModelIndexEntries(modelIndex, options.modelName ?? this.modelName));
        if (reading.error) throw new TypeError(`update: ${formatPath(reading.error.path)}: ${reading.error.message}`);
        for (const result of reading.results ?? [])
          this.addEvalResult(result, { overwrite: options.overwrite, modelName: reading.modelName ?? undefined });
      }
      for (const [key, value] of Object.entries(rest)) {
        if (!isDeepStrictEqual(currentValue(key), value)) this.set(key, value);
      }
    } catch (error) {
      if (this.#parts !== before.parts) this.#adopt(before.parts, before.reading);
      throw error;
    }
    return this;
  }

  /**
   * Adds one evaluation result. It is matched with the existing ones on every field but its value and verify
   * token; a match with another value needs `overwrite` and changes that value only; no match appends one node
   * (a metric to its result group, a result, or a model-index entry) and leaves every other byte as it was.
   */
  addEvalResult(input: EvalResultInput, options: AddEvalResultOptions = {}): this {
    return this.#edit(planEvalResultEdits(this.metadata, this.modelName, input, options));
  }

  /**
   * Applies edits (`set`, `delete`, `append`, or a `rewrite` of source text such as a lint fix), all or none. Each
   * is verified: the Hub's reader reads exactly the intended metadata and no byte outside the edited node changes;
   * otherwise a CardEditRefusedError says why and the card stays as it was. The verifying read becomes the card's
   * reading: an edit costs one js-yaml read.
   */
  edit(edits: readonly CardEdit[]): this {
    this.#refuseUnsafe(edits);
    let state = { split: this.#parts, reading: this.#reading, document: this.#document };
    for (const edit of edits) {
      const next = applyCardEdit(state, edit, (split) => this.#readParts(split));
      state = { ...next, document: undefined };
    }
    if (state.split !== this.#parts) this.#adopt(state.split, state.reading);
    return this;
  }

  /**
   * Why `edits` would be refused (the message of the CardEditRefusedError `edit` would throw), or null when they
   * would be applied. The card does not change; the check reads the result with the Hub's reader once.
   */
  refusalOf(edits: readonly CardEdit[]): string | null {
    try {
      this.#refuseUnsafe(edits);
      const read = (split: CardSplit) => ({ hub: split.hasFrontMatter ? readHubYaml(split.yaml) : null });
      let state: { split: CardSplit; reading: { hub: ReturnType<typeof read>["hub"] }; document?: Document.Parsed } = {
        split: this.#parts,
        reading: this.#reading,
        document: this.#document,
      };
      for (const edit of edits) state = applyCardEdit(state, edit, read);
      return null;
    } catch (error) {
      if (error instanceof CardEditRefusedError) return error.message;
      throw error;
    }
  }

  /** Cards no edit may touch: too large or aliased to verify, or bytes an edit would not write back. */
  #refuseUnsafe(edits: readonly CardEdit[]): void {
    // A block too large or too aliased to read safely: verifying an edit would expand it without end.
    const unsafe = this.readerProblems.find(
      (p) =>
        p.code === "alias-limit" ||
        p.code === "block-too-large" ||
        p.code === "binary-content" ||
        p.code === "nesting-limit",
    );
    if (unsafe) throw new CardEditRefusedError(`cannot edit this card: ${unsafe.message}`);
    const deep = edits.find(
      (edit) =>
        (edit.kind === "set" || edit.kind === "append") &&
        valueNestsPast(edit.value, MAX_NESTING_DEPTH - edit.path.length),
    );
    if (deep && deep.kind !== "rewrite" && deep.kind !== "delete")
      throw new CardEditRefusedError(
        `cannot set ${formatPath(deep.path)}: its value nests more than ${MAX_NESTING_DEPTH} levels deep, past what the card's readers are sure to read`,
      );
    const badBytes = this.readerProblems.find((problem) => problem.code === "invalid-utf8");
    if (badBytes) {
      const first = badBytes.message.split(";")[0] ?? "";
      const where = first.charAt(0).toLowerCase() + first.slice(1);
      throw new CardEditRefusedError(`cannot edit this card: ${where}, and an edit would write U+FFFD over it`);
    }
  }

  #edit(edits: readonly CardEdit[]): this {
    return edits.length === 0 ? this : this.edit(edits);
  }

  /** The card's text. An unedited card returns its input byte for byte. */
  toString(): string {
    const { bom, opening, yaml, closing, body } = this.#parts;
    return bom + opening + yaml + closing + body;
  }
}
