import { isScalar, type ScalarTag, Schema } from "yaml";
import { type CrossReaderDifference, resolveYaml11Plain, splitFrontMatter } from "../card/index.js";
import { DEFAULT_MAX_BLOCK_LENGTH } from "../card/read-block.js";
import type { KeyPath, LintSource, ScalarSpan } from "./types.js";

/**
 * A cheap reader for the shapes real front matter takes: block mappings and sequences, plain, quoted and block
 * scalars (over several lines too), one-line flow lists of scalars, plain, quoted and explicit (`? `) keys,
 * comments, LF or CRLF. It builds no YAML document, only the plain data and the offsets rules point at, which
 * makes it several times faster than `parseDocument`. Anything else (anchors, aliases, tags, flow mappings,
 * tabs, duplicate or non-string keys, and every kind of error) makes it give up and return null, and the caller
 * uses the full reader (`ModelCard`). Tests prove on the whole corpus and on generated cards that both readers
 * give the same metadata and the same lint messages wherever this one accepts a card.
 */

type FastNode =
  | { kind: "map"; start: number; pairs: Map<string, { keyStart: number; value: FastNode }> }
  | { kind: "seq"; start: number; items: FastNode[] }
  | { kind: "scalar"; start: number; end: number };

interface Line {
  start: number;
  /** End of the content, before `\r\n` or `\n`. */
  end: number;
  /** Leading spaces; -1 for a blank or comment-only line. */
  indent: number;
}

interface ScalarReading {
  node: FastNode;
  data: unknown;
  /** Where the value ends, and the end of its last line when it spans several. */
  end: number;
  lineEnd?: number;
}

/** Double-quoted escapes with a fixed meaning (`\x`, `\u`, `\U` take hex digits). */
const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};

class GiveUp {}
const GIVE_UP = new GiveUp();

const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype", "<<"]);
const PLAIN_KEY = /[A-Za-z0-9_$./+()\u0080-\uFFFF][^:#[\]{}"'\r\n]*?(?=[ ]*:(?: |$))/my;
/** Characters a plain scalar may start with here (YAML indicators and quotes are left to the full reader). */
const PLAIN_START = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|[-?:][^\s,[\]{}])/;
const NON_STRING_START = /^[-+.~0-9nNtTfF]/;

let coreTags: ScalarTag[] | undefined;

/** The only core-schema scalars that start with a letter. */
const CORE_WORDS = new Map<string, null | boolean>([
  ["null", null],
  ["Null", null],
  ["NULL", null],
  ["true", true],
  ["True", true],
  ["TRUE", true],
  ["false", false],
  ["False", false],
  ["FALSE", false],
]);
const LETTER = /^[A-Za-z]/;
/** A quoted key on one line, without escapes, followed by its colon. */
const QUOTED_KEY = /"([^"\\\r\n]*)"(?=[ ]*:(?: |$))|'((?:[^'\r\n]|'')*)'(?=[ ]*:(?: |$))/my;

/** YAML 1.2 core schema resolution of a plain scalar, with eemeli/yaml's own tags and in their order. */
function resolvePlain(source: string): unknown {
  if (source !== "" && !NON_STRING_START.test(source)) return source;
  if (LETTER.test(source)) return CORE_WORDS.has(source) ? CORE_WORDS.get(source) : source;
  coreTags ??= (new Schema({ schema: "core" }).tags as ScalarTag[]).filter((tag) => tag.default === true && tag.test);
  const tag = coreTags.find((candidate) => candidate.test?.test(source));
  if (!tag) return source;
  const value = tag.resolve(source, () => {}, { intAsBigInt: false } as never);
  return isScalar(value) ? value.value : value; // booleans come back wrapped
}

class FastReader {
  readonly lines: Line[] = [];
  readonly differences: CrossReaderDifference[] = [];
  /** Key path of the node being read; copied only when a cross-reader difference is recorded. */
  readonly path: (string | number)[] = [];
  index = 0;

  constructor(readonly yaml: string) {
    if (/\r(?!\n)/.test(yaml)) throw GIVE_UP; // a lone CR breaks lines for YAML, not for this reader
    let start = 0;
    while (start <= yaml.length) {
      let newline = yaml.indexOf("\n", start);
      if (newline === -1) newline = yaml.length;
      const end = newline > start && yaml.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      let indent = start;
      while (indent < end && yaml.charCodeAt(indent) === 32) indent++;
      const blank = indent === end || yaml.charCodeAt(indent) === 35; // only spaces, or a comment
      this.lines.push({ start, end, indent: blank ? -1 : indent - start });
      start = newline + 1;
    }
  }

  /** The next line with content, or null at the end. */
  peek(): Line | null {
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      if (line.indent >= 0) return line;
      this.index++;
    }
    return null;
  }

  readDocument(): { root: FastNode | null; data: Record<string, unknown> } {
    const first = this.peek();
    if (!first) return { root: null, data: {} };
    if (first.indent !== 0) throw GIVE_UP;
    const data: Record<string, unknown> = {};
    const root = this.readMapping(0, first.start, data);
    if (this.peek()) throw GIVE_UP;
    return { root, data };
  }

  /** A block mapping whose keys sit at column `indent`; its first key starts at `firstKey`. */
  readMapping(indent: number, firstKey: number, data: Record<string, unknown>): FastNode {
    const node: FastNode = { kind: "map", start: firstKey, pairs: new Map() };
    let at = firstKey;
    for (;;) {
      const line = this.lines[this.index]!;
      this.readPair(line, at, indent, node, data);
      const next = this.peek();
      if (!next || next.indent < indent) return node;
      if (next.indent > indent || this.startsItem(next)) throw GIVE_UP;
      at = next.start + indent;
    }
  }

  startsItem(line: Line): boolean {
    const at = line.start + line.indent;
    return this.yaml.charCodeAt(at) === 45 && (at + 1 === line.end || this.yaml.charCodeAt(at + 1) === 32);
  }

  /** The key starting at `at` (plain, or quoted on one line without escapes) and where its text ends, or null. */
  keyAt(at: number): { key: string; end: number; plain: boolean } | null {
    const first = this.yaml.charCodeAt(at);
    if (first === 34 || first === 39) {
      QUOTED_KEY.lastIndex = at;
      const match = QUOTED_KEY.exec(this.yaml);
      if (!match) return null;
      const key = match[1] ?? (match[2] ?? "").replaceAll("''", "'");
      return { key, end: at + match[0].length, plain: false };
    }
    PLAIN_KEY.lastIndex = at;
    const key = PLAIN_KEY.exec(this.yaml)?.[0];
    return key === undefined ? null : { key, end: at + key.length, plain: true };
  }

  readPair(line: Line, at: number, indent: number, node: FastNode & { kind: "map" }, data: Record<string, unknown>) {
    if (this.yaml.charCodeAt(at) === 63 && this.yaml.charCodeAt(at + 1) === 32) {
      this.readExplicitPair(line, at, indent, node, data);
      return;
    }
    const found = this.keyAt(at);
    if (found === null) throw GIVE_UP;
    const { key } = found;
    if (key.length > 1024 || UNSAFE_KEYS.has(key) || node.pairs.has(key)) throw GIVE_UP;
    if (found.plain) {
      if (resolvePlain(key) !== key) throw GIVE_UP; // a number, boolean or null key
      this.compare(key, key, true, at);
    }
    const colon = this.yaml.indexOf(":", found.end);
    this.path.push(key);
    const { node: value, data: valueData } = this.readValue(line, colon + 1, indent);
    this.path.pop();
    node.pairs.set(key, { keyStart: at, value });
    data[key] = valueData;
  }

  /**
   * `? long key` (plain, possibly over several lines) then `: value` on a line of its own: how PyYAML writes keys
   * longer than 128 characters.
   */
  readExplicitPair(
    line: Line,
    at: number,
    indent: number,
    node: FastNode & { kind: "map" },
    data: Record<string, unknown>,
  ) {
    const yaml = this.yaml;
    let keyStart = at + 2;
    while (keyStart < line.end && yaml.charCodeAt(keyStart) === 32) keyStart++;
    const first = yaml.charCodeAt(keyStart);
    if (keyStart === line.end || first === 34 || first === 39 || first === 91) throw GIVE_UP;
    this.index++;
    const keyReading = this.readScalar(keyStart, line.end, false, indent);
    const recorded = this.differences[this.differences.length - 1];
    if (recorded?.start === keyStart) recorded.isKey = true; // read as a scalar, but it is this mapping's key
    const key = keyReading.data;
    if (typeof key !== "string" || key.length > 1024 || UNSAFE_KEYS.has(key) || node.pairs.has(key)) throw GIVE_UP;
    const keyLineEnd = keyReading.lineEnd ?? line.end;
    if (yaml.slice(keyReading.end, keyLineEnd).trim() !== "") throw GIVE_UP;
    const valueLine = this.peek();
    const colon = valueLine ? valueLine.start + indent : -1;
    if (!valueLine || valueLine.indent !== indent || yaml.charCodeAt(colon) !== 58) throw GIVE_UP;
    if (colon + 1 < valueLine.end && yaml.charCodeAt(colon + 1) !== 32) throw GIVE_UP;
    this.path.push(key);
    const { node: value, data: valueData } = this.readValue(valueLine, colon + 1, indent);
    this.path.pop();
    node.pairs.set(key, { keyStart, value });
    data[key] = valueData;
  }

  /** What follows `key:` or `- ` from offset `from` on `line`; `indent` is the column of the owning key or dash. */
  readValue(line: Line, from: number, indent: number): { node: FastNode; data: unknown } {
    const yaml = this.yaml;
    let at = from;
    while (at < line.end && yaml.charCodeAt(at) === 32) at++;
    this.index++;
    if (at === line.end || yaml.charCodeAt(at) === 35) {
      if (at < line.end && at === from) throw GIVE_UP; // `key:#` is no comment
      const next = this.peek();
      if (next && (next.indent > indent || (next.indent === indent && this.startsItem(next)))) {
        if (this.startsItem(next)) return this.readSequence(next.indent);
        const data: Record<string, unknown> = {};
        return { node: this.readMapping(next.indent, next.start + next.indent, data), data };
      }
      return { node: { kind: "scalar", start: at, end: at }, data: null };
    }
    const result = this.readInline(at, line.end, indent);
    const next = this.peek();
    if (next && next.indent > indent) throw GIVE_UP; // a multi-line scalar
    return result;
  }

  /** A block sequence whose dashes sit at column `indent`. */
  readSequence(indent: number): { node: FastNode; data: unknown[] } {
    const items: FastNode[] = [];
    const data: unknown[] = [];
    const first = this.peek()!;
    const node: FastNode = { kind: "seq", start: first.start + indent, items };
    for (let line = this.peek(); line && line.indent === indent && this.startsItem(line); line = this.peek()) {
      const dash = line.start + indent;
      let at = dash + 1;
      while (at < line.end && this.yaml.charCodeAt(at) === 32) at++;
      if (at === line.end || this.yaml.charCodeAt(at) === 35 || this.yaml.charCodeAt(at) === 45) throw GIVE_UP;
      this.path.push(items.length);
      if (this.keyAt(at) !== null) {
        const itemData: Record<string, unknown> = {};
        items.push(this.readMapping(at - line.start, at, itemData));
        data.push(itemData);
      } else {
        const value = this.readValue(line, at, indent);
        items.push(value.node);
        data.push(value.data);
      }
      this.path.pop();
    }
    const next = this.peek();
    if (next && next.indent > indent) throw GIVE_UP;
    return { node, data };
  }

  /** A scalar or a one-line flow list starting at `at`, with only a comment after it. */
  readInline(at: number, end: number, indent: number): { node: FastNode; data: unknown } {
    const yaml = this.yaml;
    const first = yaml.charCodeAt(at);
    if (first === 124 || first === 62) return this.readBlockScalar(at, end, indent);
    let result: ScalarReading;
    if (first === 91) result = this.readFlowList(at, end);
    else result = this.readScalar(at, end, false, indent);
    const lineEnd = result.lineEnd ?? end;
    let after = result.end;
    while (after < lineEnd && yaml.charCodeAt(after) === 32) after++;
    if (after < lineEnd && (yaml.charCodeAt(after) !== 35 || after === result.end)) throw GIVE_UP;
    return result;
  }

  /**
   * `|` or `>` with `-` or no chomping indicator, folded the way eemeli/yaml's `resolveBlockScalar` folds it
   * (more-indented lines keep their line breaks). Leading empty lines and an explicit indentation are left to
   * the full reader.
   */
  readBlockScalar(at: number, end: number, indent: number): { node: FastNode; data: unknown } {
    const yaml = this.yaml;
    const header = yaml.slice(at, end).trimEnd();
    if (!/^[|>]-?$/.test(header)) throw GIVE_UP;
    const folded = header[0] === ">";
    const lines = this.lines;
    const rows: { width: number; text: string }[] = [];
    let base = -1;
    let contentRows = 0;
    let valueEnd = -1;
    let index = this.index;
    for (; index < lines.length; index++) {
      const line = lines[index]!;
      let spaces = line.start;
      while (spaces < line.end && yaml.charCodeAt(spaces) === 32) spaces++;
      const width = spaces - line.start;
      if (spaces === line.end) {
        if (base === -1) throw GIVE_UP;
        rows.push({ width, text: "" });
        continue;
      }
      if (base === -1) {
        if (width <= indent) throw GIVE_UP; // an empty block scalar
        base = width;
      } else if (width < base) break;
      rows.push({ width, text: yaml.slice(spaces, line.end) });
      contentRows = rows.length;
      valueEnd = index + 1 < lines.length ? lines[index + 1]!.start : yaml.length;
    }
    if (base === -1) throw GIVE_UP;
    // Trailing empty lines are chomped, unless they hold more spaces than the block's indentation.
    if (rows.slice(contentRows).some((row) => row.width > base)) throw GIVE_UP;
    this.index = index;
    let value = "";
    let separator = "";
    let previousMoreIndented = false;
    for (const { width, text } of rows.slice(0, contentRows)) {
      const extra = " ".repeat(Math.max(0, width - base));
      if (!folded) {
        value += separator + extra + text;
        separator = "\n";
      } else if (width > base) {
        if (separator === " ") separator = "\n";
        else if (!previousMoreIndented && separator === "\n") separator = "\n\n";
        value += separator + extra + text;
        separator = "\n";
        previousMoreIndented = true;
      } else if (text === "") {
        if (separator === "\n") value += "\n";
        else separator = "\n";
      } else {
        value += separator + text;
        separator = " ";
        previousMoreIndented = false;
      }
    }
    if (header.length === 1) value += "\n";
    return { node: { kind: "scalar", start: at, end: valueEnd }, data: value };
  }

  readScalar(at: number, end: number, inFlow: boolean, indent = -1): ScalarReading {
    const yaml = this.yaml;
    const first = yaml.charCodeAt(at);
    if (first === 34 || first === 39) return this.readQuoted(at, end, indent, first === 34);
    // A plain scalar ends at ` #`, at the line's end, or (in a flow list) at `,` or `]`.
    let stop = at;
    while (stop < end) {
      const code = yaml.charCodeAt(stop);
      if (code === 35 && yaml.charCodeAt(stop - 1) === 32) break;
      if (inFlow && (code === 44 || code === 93)) break;
      if (inFlow && (code === 91 || code === 123 || code === 125)) throw GIVE_UP;
      if (code === 58 && (stop + 1 === end || yaml.charCodeAt(stop + 1) === 32)) throw GIVE_UP;
      stop++;
    }
    let last = stop;
    while (last > at && yaml.charCodeAt(last - 1) === 32) last--;
    let source = yaml.slice(at, last);
    if (!PLAIN_START.test(source)) throw GIVE_UP;
    let lineEnd: number | undefined;
    if (!inFlow && stop === end) {
      const more = this.readPlainContinuation(indent);
      if (more) {
        source += more.text;
        last = more.end;
        lineEnd = more.end;
      }
    }
    const value = resolvePlain(source);
    this.compare(source, value, false, at);
    return { node: { kind: "scalar", start: at, end: last }, data: value, end: last, ...(lineEnd ? { lineEnd } : {}) };
  }

  /** The folded lines of a multi-line plain scalar: those indented more than its key or dash. */
  readPlainContinuation(indent: number): { text: string; end: number } | null {
    const yaml = this.yaml;
    const lines = this.lines;
    let text = "";
    let breaks = 0;
    let end = -1;
    let index = this.index;
    for (; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.indent === -1) {
        let spaces = line.start;
        while (spaces < line.end && yaml.charCodeAt(spaces) === 32) spaces++;
        if (spaces < line.end) break; // a comment ends the scalar
        breaks++;
        continue;
      }
      if (line.indent <= indent) break;
      const from = line.start + line.indent;
      let to = line.end;
      while (to > from && yaml.charCodeAt(to - 1) === 32) to--;
      const part = yaml.slice(from, to);
      if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(part) || part.includes(": ") || part.endsWith(":") || part.includes(" #")) {
        throw GIVE_UP;
      }
      text += breaks > 0 ? "\n".repeat(breaks) : " ";
      text += part;
      breaks = 0;
      end = to;
      this.index = index + 1;
    }
    return end === -1 ? null : { text, end };
  }

  /** A quoted scalar, possibly over several lines; double quotes take YAML's escapes, single quotes `''`. */
  readQuoted(at: number, end: number, indent: number, double: boolean): ScalarReading {
    const yaml = this.yaml;
    const quote = double ? 34 : 39;
    let value = "";
    let cursor = at + 1;
    let lineEnd = end;
    let multiLine = false;
    let escapedBreak = false;
    for (;;) {
      if (cursor >= lineEnd) {
        // Fold the line break: trailing spaces go, each empty line is a newline, else one space.
        if (!escapedBreak) value = value.replace(/ +$/, "");
        let breaks = 0;
        let line = this.lines[this.index];
        let spaces = 0;
        for (; line; line = this.lines[++this.index]) {
          spaces = line.start;
          while (spaces < line.end && yaml.charCodeAt(spaces) === 32) spaces++;
          if (spaces < line.end) break;
          breaks++;
        }
        // Continuation lines sit deeper than the key or dash that owns the scalar.
        if (!line || spaces - line.start <= indent) throw GIVE_UP;
        this.index++;
        multiLine = true;
        if (escapedBreak && breaks > 0) throw GIVE_UP;
        if (!escapedBreak) value += breaks > 0 ? "\n".repeat(breaks) : " ";
        escapedBreak = false;
        cursor = spaces;
        lineEnd = line.end;
        continue;
      }
      const code = yaml.charCodeAt(cursor);
      if (code === quote) {
        if (double || yaml.charCodeAt(cursor + 1) !== 39) break;
        value += "'";
        cursor += 2;
        continue;
      }
      if (code === 92 && double) {
        if (cursor + 1 === lineEnd) {
          escapedBreak = true; // `\` at the end of a line joins the next one without a space
          cursor = lineEnd;
          continue;
        }
        const escaped = yaml[cursor + 1] ?? "";
        const simple = ESCAPES[escaped];
        if (simple !== undefined) {
          value += simple;
          cursor += 2;
          continue;
        }
        const digits = escaped === "x" ? 2 : escaped === "u" ? 4 : escaped === "U" ? 8 : 0;
        const hex = yaml.slice(cursor + 2, cursor + 2 + digits);
        if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw GIVE_UP;
        value += String.fromCodePoint(Number.parseInt(hex, 16));
        cursor += 2 + digits;
        continue;
      }
      value += yaml[cursor];
      cursor++;
    }
    const close = cursor + 1;
    return {
      node: { kind: "scalar", start: at, end: close },
      data: value,
      end: close,
      ...(multiLine ? { lineEnd } : {}),
    };
  }

  readFlowList(at: number, end: number): ScalarReading {
    const yaml = this.yaml;
    const items: FastNode[] = [];
    const data: unknown[] = [];
    let cursor = at + 1;
    const skipSpaces = () => {
      while (cursor < end && yaml.charCodeAt(cursor) === 32) cursor++;
    };
    skipSpaces();
    if (yaml.charCodeAt(cursor) === 93) return { node: { kind: "seq", start: at, items }, data, end: cursor + 1 };
    for (;;) {
      skipSpaces();
      if (cursor >= end) throw GIVE_UP;
      this.path.push(items.length);
      const item = this.readScalar(cursor, end, true);
      this.path.pop();
      items.push(item.node);
      data.push(item.data);
      cursor = item.end;
      skipSpaces();
      const code = yaml.charCodeAt(cursor);
      if (code === 93) return { node: { kind: "seq", start: at, items }, data, end: cursor + 1 };
      if (code !== 44) throw GIVE_UP;
      cursor++;
      skipSpaces();
      if (yaml.charCodeAt(cursor) === 93) throw GIVE_UP; // a trailing comma
    }
  }

  /** Records a plain scalar that PyYAML reads differently, as `findCrossReaderDifferences` does. */
  compare(source: string, value: unknown, isKey: boolean, start: number): void {
    // PyYAML's only letter-led non-strings are its null and boolean words, five letters at most.
    if (source.length > 5 && LETTER.test(source)) return;
    const yaml11 = resolveYaml11Plain(source);
    const same =
      yaml11.kind === "str" ? value === yaml11.value : yaml11.kind !== "timestamp" && Object.is(value, yaml11.value);
    if (same) return;
    this.differences.push({
      path: [...this.path],
      isKey,
      source,
      yaml12: value,
      yaml11: yaml11.value,
      yaml11Kind: yaml11.kind,
      start,
      end: start + source.length,
    });
  }
}

function nodeAt(root: FastNode | null, path: KeyPath): FastNode | null {
  let node = root;
  for (const segment of path) {
    if (!node) return null;
    if (node.kind === "map") node = typeof segment === "string" ? (node.pairs.get(segment)?.value ?? null) : null;
    else if (node.kind === "seq") node = typeof segment === "number" ? (node.items[segment] ?? null) : null;
    else return null;
  }
  return node;
}

/** A card's lint source from the fast reader, or null when the card needs the full reader. */
export function readFastSource(text: string): LintSource | null {
  if (text.charCodeAt(0) === 0xfeff) return null;
  const split = splitFrontMatter(text);
  const yaml = split.hasFrontMatter ? split.yaml : "";
  // Over the card reader's limit, the full reader reports it (block-too-large).
  if (yaml.length > DEFAULT_MAX_BLOCK_LENGTH || yaml.includes("\t")) return null;
  let reader: FastReader;
  let document: ReturnType<FastReader["readDocument"]>;
  try {
    reader = new FastReader(yaml);
    document = reader.readDocument();
  } catch (error) {
    if (error === GIVE_UP) return null;
    throw error;
  }
  const { root, data } = document;
  const firstLine = split.opening.split("\n").length;
  const lines = reader.lines;
  const positionAt = (offset: number) => {
    // Binary search for the line holding `offset`.
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lines[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: firstLine + low, column: offset - (lines[low]?.start ?? 0) + 1 };
  };
  const keyOffset = (path: KeyPath): number | null => {
    const parent = nodeAt(root, path.slice(0, -1));
    const key = path[path.length - 1];
    if (parent?.kind !== "map" || typeof key !== "string") return null;
    return parent.pairs.get(key)?.keyStart ?? null;
  };
  const valueOffset = (path: KeyPath): number | null => nodeAt(root, path)?.start ?? null;
  return {
    text,
    hasFrontMatter: split.hasFrontMatter,
    metadata: data,
    // The model-index verdict of the card reader is left to the model-index-schema rule, which checks more.
    problems: [],
    crossReaderDifferences: reader.differences,
    yamlStart: split.opening.length,
    positionAt,
    keyOffset,
    valueOffset,
    scalarAt(path): ScalarSpan | null {
      const node = nodeAt(root, path);
      if (node?.kind !== "scalar") return null;
      return { start: node.start, end: node.end, source: yaml.slice(node.start, node.end) };
    },
  };
}
