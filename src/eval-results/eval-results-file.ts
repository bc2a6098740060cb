import { isDeepStrictEqual } from "node:util";
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLSeq,
  type Document as YamlDocument,
} from "yaml";
import { CardEditRefusedError, type HubYamlReading, MetadataConflictError, readHubYaml } from "../card/index.js";
import type { KeyPath } from "../card/position-index.js";
import { detectBlockStyle } from "../card/yaml-writing.js";
import {
  type EvalResultsEntry,
  type EvalResultsEntryKey,
  formatEntryKey,
  keyOfEntryData,
  matchesKey,
  normalizeEvalResultsEntry,
} from "./eval-results-entry.js";
import { renderEvalResultsEntry } from "./render-eval-results-entry.js";

/** A problem that keeps the Hub from reading the file as a list of entries. */
export interface EvalResultsFileProblem {
  code: "yaml-syntax" | "not-a-list";
  message: string;
  /** 1-based. */
  line: number;
  column: number;
}

/** One item of the file's list, as the Hub's reader (js-yaml 4) reads it. */
export interface EvalResultsItem {
  /** Its index in the file's list. */
  index: number;
  /** The entry: the item itself, or the `data` of the API's wrapper shape. */
  data: unknown;
  /** The API's wrapper fields (`GET /api/models/{id}?expand[]=evalResults`), when the item is `{filename, verified, data, pullRequest}`. */
  wrapper?: { filename?: unknown; verified?: unknown; pullRequest?: unknown };
}

/** A 1-based place in the file. */
export interface EvalResultsPosition {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** huggingface_hub's `parse_eval_result_entries` reads `item.get("data", item)`: the wrapper's data, else the item. */
export function readEvalResultsItem(item: unknown, index: number): EvalResultsItem {
  if (isRecord(item) && "data" in item && !("dataset" in item)) {
    const { filename, verified, pullRequest } = item;
    return { index, data: item.data, wrapper: { filename, verified, pullRequest } };
  }
  return { index, data: item };
}

/** Where the significant text of a node ends: before trailing newlines and comments. */
function contentEnd(node: unknown, text: string): number {
  let end = 0;
  if (isScalar(node) || isAlias(node) || (isCollection(node) && node.flow)) end = node.range?.[1] ?? 0;
  else if (isCollection(node)) {
    for (const item of node.items) {
      if (isPair(item)) end = Math.max(end, contentEnd(item.key, text), contentEnd(item.value, text));
      else end = Math.max(end, contentEnd(item, text));
    }
  }
  while (end > 0 && /\s/.test(text[end - 1] ?? "")) end--;
  return end;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The offset just past the end of the line holding `offset` (its line break included). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The `-` before a block list item's value. */
function dashOffset(text: string, valueStart: number): number {
  let offset = valueStart - 1;
  while (offset > 0 && /[ \t\r\n]/.test(text[offset] ?? "")) offset--;
  return text[offset] === "-" ? offset : lineStart(text, valueStart);
}

/**
 * A `.eval_results/*.yaml` file: one reading, the Hub's (js-yaml 4), kept beside the exact text. Edits add, replace
 * or remove one entry and change no other byte (comments, quotes, flow or block style, line endings stay); each is
 * read back with the Hub's reader and must give exactly the intended list, or it is refused and the text stays as
 * it was. New entries are written in the spec's key order with `date` quoted.
 */
export class EvalResultsFile {
  #text: string;
  #reading: HubYamlReading;
  #document: { document: YamlDocument.Parsed; lines: LineCounter } | null = null;

  private constructor(text: string) {
    this.#text = text;
    this.#reading = readHubYaml(text);
  }

  /** Reads a file's text; never throws on bad content (see `problems`). */
  static parse(text: string): EvalResultsFile {
    if (typeof text !== "string") throw new TypeError("EvalResultsFile.parse expects the file's text as a string");
    return new EvalResultsFile(text.startsWith("\uFEFF") ? text.slice(1) : text);
  }

  /** The Hub's reading of the whole file: a list of entries when all is well. */
  get hubReading(): HubYamlReading {
    return this.#reading;
  }

  /** Why the Hub cannot read the file as a list; empty when it can. An empty file is an empty list. */
  get problems(): EvalResultsFileProblem[] {
    const reading = this.#reading;
    if (!reading.ok) {
      return [
        {
          code: "yaml-syntax",
          message: `the Hub's YAML reader cannot read this file: ${reading.reason}`,
          line: reading.line + 1,
          column: reading.column + 1,
        },
      ];
    }
    if (reading.value === null || reading.value === undefined || Array.isArray(reading.value)) return [];
    const start = this.#yaml().document.contents?.range?.[0] ?? 0;
    const { line, col } = this.#yaml().lines.linePos(start);
    const found = isRecord(reading.value)
      ? "a mapping"
      : `the ${typeof reading.value} ${JSON.stringify(reading.value)}`;
    return [
      {
        code: "not-a-list",
        message: `the file holds ${found}, not a list of entries; write each score as a list item (\`- dataset: ...\`)`,
        line,
        column: col,
      },
    ];
  }

  /** The list's items as the Hub reads them; empty when the file is not a readable list. */
  get items(): EvalResultsItem[] {
    const value = this.#reading.ok ? this.#reading.value : null;
    return Array.isArray(value) ? value.map(readEvalResultsItem) : [];
  }

  /** The items that are well-formed entries (the spec's required keys, a finite value), normalized. */
  get entries(): EvalResultsEntry[] {
    const entries: EvalResultsEntry[] = [];
    for (const item of this.items) {
      try {
        entries.push(normalizeEvalResultsEntry(item.data as EvalResultsEntry));
      } catch {
        // Not a well-formed entry: the lint rules say why; readers of `entries` get only usable scores.
      }
    }
    return entries;
  }

  /** The items the key names. */
  find(key: EvalResultsEntryKey): EvalResultsItem[] {
    return this.items.filter((item) => matchesKey(keyOfEntryData(item.data), key));
  }

  /** Where the value (or, without `atValue`, the key) at `path` is, e.g. `[0, "dataset", "id"]`; else the nearest enclosing node. */
  positionOf(path: KeyPath, atValue = false): EvalResultsPosition {
    const { document, lines } = this.#yaml();
    const at = (start: number, end?: number): EvalResultsPosition => {
      const from = lines.linePos(start);
      if (end === undefined) return { line: from.line, column: from.col };
      const to = lines.linePos(end);
      return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
    };
    for (let length = path.length; length >= 0; length--) {
      const prefix = path.slice(0, length);
      const last = prefix[length - 1];
      const useValue = length === 0 || typeof last === "number" || (atValue && length === path.length);
      if (useValue) {
        const node = document.getIn(prefix, true) as Node | undefined;
        if (node?.range) return isScalar(node) ? at(node.range[0], node.range[1]) : at(node.range[0]);
      } else {
        const parent = document.getIn(prefix.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
          const key = pair?.key as Node | undefined;
          if (key?.range) return at(key.range[0], key.range[1]);
        }
      }
    }
    return { line: 1, column: 1 };
  }

  /** The scalar at `path` as written: its offsets and source text (quotes included); null when there is none. */
  scalarAt(path: KeyPath): { start: number; end: number; source: string; quoted: boolean } | null {
    const node = this.#yaml().document.getIn(path, true);
    if (!isScalar(node) || !node.range) return null;
    const [start, end] = node.range;
    return { start, end, source: this.#text.slice(start, end), quoted: node.type !== "PLAIN" };
  }

  /** Adds an entry at the end of the list; refused when an entry of the same benchmark task (and notes) is there. */
  add(entry: EvalResultsEntry): this {
    const normalized = normalizeEvalResultsEntry(entry);
    const key = keyOfEntryData(normalized) as EvalResultsEntryKey;
    const keyWithNotes = { ...key, notes: normalized.notes };
    if (this.items.some((item) => isDeepStrictEqual(keyOfEntryData(item.data), keyOfEntryData(normalized)))) {
      throw new MetadataConflictError(
        formatEntryKey(keyWithNotes),
        `an entry for ${formatEntryKey(key)} is already there; replace it instead`,
      );
    }
    const list = this.#editableList();
    const text = this.#text;
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const seq = this.#yaml().document.contents;
    let edited: string;
    if (isSeq(seq) && seq.flow) {
      const inline = renderEvalResultsEntry(normalized, { indent: 2, inline: true });
      const last = seq.items[seq.items.length - 1];
      const at = last ? contentEnd(last, text) : (seq.range?.[0] ?? 0) + 1;
      edited = `${text.slice(0, at)}${last ? ", " : ""}${inline}${text.slice(at)}`;
    } else {
      const last = isSeq(seq) ? seq.items[seq.items.length - 1] : undefined;
      const first = isSeq(seq) ? (seq.items[0] as Node | undefined) : undefined;
      const column = first?.range ? dashOffset(text, first.range[0]) - lineStart(text, first.range[0]) : 0;
      const at = last ? nextLineStart(text, contentEnd(last, text)) : text.length;
      const before = text.slice(0, at);
      const separator = before === "" || before.endsWith("\n") ? "" : eol;
      edited = `${before}${separator}${this.#blockItem(normalized, column, eol)}${eol}${text.slice(at)}`;
    }
    return this.#commit(edited, [...list, normalized], `add ${formatEntryKey(key)}`);
  }

  /**
   * Replaces the one entry `key` names (default: the new entry's benchmark task, and its notes when it has some)
   * with `entry`, written in place in the old one's style; refused when there is none or more than one.
   */
  replace(entry: EvalResultsEntry, key?: EvalResultsEntryKey): this {
    const normalized = normalizeEvalResultsEntry(entry);
    key ??= keyOfEntryData(normalized) as EvalResultsEntryKey;
    const index = this.#onlyMatch(key);
    const list = this.#editableList();
    const text = this.#text;
    const node = (this.#yaml().document.contents as YAMLSeq).items[index] as Node;
    const start = node.range?.[0] ?? 0;
    const end = contentEnd(node, text);
    const inline = (isCollection(node) && node.flow) || (this.#yaml().document.contents as YAMLSeq).flow === true;
    const column = start - lineStart(text, start);
    const rendered = inline
      ? renderEvalResultsEntry(normalized, { indent: 2, inline: true })
      : this.#indented(normalized, column, text.includes("\r\n") ? "\r\n" : "\n");
    const expected = list.map((item, at) => (at === index ? normalized : item));
    return this.#commit(
      `${text.slice(0, start)}${rendered}${text.slice(end)}`,
      expected,
      `replace ${formatEntryKey(key)}`,
    );
  }

  /** Removes the one entry the key names, with its lines (or its place in a flow list); refused when there is none or more than one. */
  remove(key: EvalResultsEntryKey): this {
    const index = this.#onlyMatch(key);
    const list = this.#editableList();
    const text = this.#text;
    const seq = this.#yaml().document.contents as YAMLSeq;
    const node = seq.items[index] as Node;
    let start: number;
    let end: number;
    if (seq.flow) {
      const next = seq.items[index + 1] as Node | undefined;
      const previous = seq.items[index - 1];
      if (next?.range) [start, end] = [node.range?.[0] ?? 0, next.range[0]];
      else if (previous) [start, end] = [contentEnd(previous, text), contentEnd(node, text)];
      else [start, end] = [node.range?.[0] ?? 0, contentEnd(node, text)];
    } else {
      start = lineStart(text, dashOffset(text, node.range?.[0] ?? 0));
      end = nextLineStart(text, contentEnd(node, text));
    }
    const expected = list.filter((_, at) => at !== index);
    return this.#commit(`${text.slice(0, start)}${text.slice(end)}`, expected, `remove ${formatEntryKey(key)}`);
  }

  /** The exact text. */
  toString(): string {
    return this.#text;
  }

  #yaml(): { document: YamlDocument.Parsed; lines: LineCounter } {
    if (!this.#document) {
      const lines = new LineCounter();
      this.#document = { document: parseDocument(this.#text, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    return this.#document;
  }

  /** The Hub's list, or a refusal when the file is not one the Hub reads (an empty file is an empty list). */
  #editableList(): unknown[] {
    const problem = this.problems[0];
    if (problem) throw new CardEditRefusedError(`${problem.message} (line ${problem.line}); fix it first`);
    const value = this.#reading.ok ? this.#reading.value : null;
    const contents = this.#yaml().document.contents;
    if (value !== null && value !== undefined && !isSeq(contents)) {
      throw new CardEditRefusedError(
        "the file's list is written in a form this editor does not change; edit it by hand",
      );
    }
    return Array.isArray(value) ? value : [];
  }

  #onlyMatch(key: EvalResultsEntryKey): number {
    const matches = this.find(key);
    if (matches.length === 0) throw new CardEditRefusedError(`no entry for ${formatEntryKey(key)} in this file`);
    if (matches.length > 1) {
      const notes = matches.map((item) => JSON.stringify(keyOfEntryData(item.data)?.notes ?? null)).join(", ");
      throw new CardEditRefusedError(
        `${matches.length} entries for ${formatEntryKey(key)} (notes ${notes}); name the one to change by its notes`,
      );
    }
    return (matches[0] as EvalResultsItem).index;
  }

  /** An entry's block text with its nested lines at `column` (the place of the old entry's first key). */
  #indented(entry: EvalResultsEntry, column: number, eol: string): string {
    const indent = this.#nestedIndent() ?? detectBlockStyle(this.#text).indent ?? 2;
    return renderEvalResultsEntry(entry, { indent, inline: false })
      .split("\n")
      .join(`${eol}${" ".repeat(column)}`);
  }

  /** How far the file's entries indent a nested mapping (`dataset:` to `id:`), when one shows it. */
  #nestedIndent(): number | undefined {
    const contents = this.#yaml().document.contents;
    for (const item of isSeq(contents) ? contents.items : []) {
      if (!isMap(item) || item.flow) continue;
      for (const pair of item.items) {
        const key = pair.key as Node | null;
        const inner =
          isMap(pair.value) && !pair.value.flow ? (pair.value.items[0]?.key as Node | undefined) : undefined;
        if (!key?.range || !inner?.range) continue;
        const { lines } = this.#yaml();
        return lines.linePos(inner.range[0]).col - lines.linePos(key.range[0]).col;
      }
    }
    return undefined;
  }

  /** `- dataset: ...`, its `-` at `column`. */
  #blockItem(entry: EvalResultsEntry, column: number, eol: string): string {
    return `${" ".repeat(column)}- ${this.#indented(entry, column + 2, eol)}`;
  }

  /** Takes the edited text only when the Hub reads it as exactly the intended list. */
  #commit(edited: string, expected: unknown[], what: string): this {
    const reading = readHubYaml(edited);
    const value = reading.ok ? (reading.value ?? []) : undefined;
    if (!reading.ok || !isDeepStrictEqual(value, expected)) {
      throw new CardEditRefusedError(`could not ${what} without changing other entries; nothing was changed`);
    }
    this.#text = edited;
    this.#reading = reading;
    this.#document = null;
    return this;
  }
}
