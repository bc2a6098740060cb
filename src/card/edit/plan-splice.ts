import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { formatPath } from "../eval-results.js";
import { type BlockStyle, detectBlockStyle, renderPair, renderValue } from "../yaml-writing.js";
import type { CardEdit, EditPath } from "./card-edit.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";
import { lastContentEnd } from "./last-content-end.js";

/** Replace `source[start, end)` by `text`; `touched` are the old nodes that go away (their anchors with them). */
export interface Splice {
  start: number;
  end: number;
  text: string;
  touched: Node[];
  /** The lines of the edited node (or its flow collection) in the old text: the splice must stay inside. */
  extent: [number, number];
}

type AnyPair = Pair<Node | null, Node | null>;

/**
 * Where and what to write for one edit, found in `yaml`'s node ranges: one node's bytes change, every other
 * byte stays. Returns null when there is nothing to write (deleting an absent key).
 */
export function planSplice(
  source: string,
  document: Document.Parsed,
  edit: Exclude<CardEdit, { kind: "rewrite" }>,
  style: BlockStyle,
): Splice | null {
  const text = new SourceText(source);
  if (edit.kind === "append") {
    const sequence = nodeAt(document, edit.path);
    if (!isSeq(sequence)) refuse(edit.path, "is not a list");
    return appendItem(text, sequence, edit.value, style);
  }
  const parentPath = edit.path.slice(0, -1);
  const key = String(edit.path[edit.path.length - 1]);
  const parent = parentPath.length === 0 ? document.contents : nodeAt(document, parentPath);
  if (parentPath.length === 0 && parent === null) {
    // A block of comments only: the first key goes first.
    if (edit.kind === "delete") return null;
    const pair = renderPair(key, edit.value, style);
    return { start: 0, end: 0, text: source.trim() === "" ? pair : `${pair}\n`, touched: [], extent: [0, 0] };
  }
  if (!isMap(parent)) refuse(parentPath, "is not a mapping");
  const pair = pairOf(parent, key);
  if (edit.kind === "delete") return pair ? deletePair(text, parent, pair) : null;
  return pair ? replaceValue(text, parent, pair, edit.value, style) : insertPair(text, parent, key, edit.value, style);
}

/** Refusals name the node; the caller says which edit it was. */
function refuse(path: EditPath, reason: string): never {
  throw new CardEditRefusedError(`${path.length === 0 ? "the front matter" : formatPath(path)} ${reason}`);
}

/** The pair of `key` (js-yaml reads every key as a string; with duplicate keys it refuses, so one is enough). */
function pairOf(map: YAMLMap, key: string): AnyPair | undefined {
  return (map.items as AnyPair[]).findLast((item) => isScalar(item.key) && String(item.key.value) === key);
}

/** The node at `path`; an alias on the way is refused, since editing through it would change its anchor too. */
function nodeAt(document: Document.Parsed, path: EditPath): Node | null {
  let node = document.contents as Node | null;
  for (const [index, part] of path.entries()) {
    if (isMap(node)) {
      node = pairOf(node, String(part))?.value ?? null;
    } else if (isSeq(node) && typeof part === "number") {
      node = (node.items[part] as Node | undefined) ?? null;
    } else {
      node = null;
    }
    if (isAlias(node)) refuse(path.slice(0, index + 1), "is an alias (*name); edit its anchor instead");
  }
  return node;
}

/** Offsets, lines and columns of the YAML block. */
class SourceText {
  constructor(readonly source: string) {}

  lineStart(offset: number): number {
    return this.source.lastIndexOf("\n", offset - 1) + 1;
  }

  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** Before the line break (or `\r\n`) that ends the line holding `offset`. */
  lineEnd(offset: number): number {
    const newline = this.source.indexOf("\n", offset);
    if (newline === -1) return this.source.length;
    return this.source[newline - 1] === "\r" ? newline - 1 : newline;
  }

  /** After the line break that ends the line holding `offset`, or the end of the text. */
  nextLineStart(offset: number): number {
    const newline = this.source.indexOf("\n", offset);
    return newline === -1 ? this.source.length : newline + 1;
  }

  /**
   * Past the node's last character of content. A block collection's range runs on over the comments and blank
   * lines after it, which belong to what follows (the next key's section comment), so its end is its last
   * item's; a scalar ends at its value (a trailing comment on its line stays outside).
   */
  contentEnd(node: Node): number {
    if ((isMap(node) || isSeq(node)) && !node.flow) {
      const last = (node.items as (Node | AnyPair | null)[]).at(-1);
      if (last && isPair(last)) return this.pairEnd(last as AnyPair);
      if (last?.range) return this.contentEnd(last);
    }
    const [start = 0, end = start] = node.range ?? [];
    let at = end;
    while (at > start && /\s/.test(this.source[at - 1] ?? "")) at--;
    return at;
  }

  /** The pair's end: its value's, or its key's (and colon) when the value is empty. */
  pairEnd(pair: AnyPair): number {
    const keyEnd = pair.key ? this.contentEnd(pair.key) : 0;
    const valueEnd = pair.value?.range && pair.value.range[1] > pair.value.range[0] ? this.contentEnd(pair.value) : 0;
    if (valueEnd > keyEnd) return valueEnd;
    const colon = this.source.indexOf(":", keyEnd);
    return colon !== -1 && this.source.slice(keyEnd, colon).trim() === "" ? colon + 1 : keyEnd;
  }

  pairStart(pair: AnyPair): number {
    return pair.key?.range?.[0] ?? 0;
  }

  /**
   * The lines an edit of a block pair may change: from its first line to the end of its last line of content,
   * measured by the lexer (not by the node ranges the splice is planned from), so that the check is independent.
   */
  pairExtent(pair: AnyPair): [number, number] {
    const from = this.lineStart(this.pairStart(pair));
    const to = Math.max(pair.value?.range?.[2] ?? 0, pair.key?.range?.[2] ?? 0, from);
    return [from, this.nextLineStart(Math.max(lastContentEnd(this.source, from, to) - 1, from))];
  }

  /** Lines after the first get `column` spaces, so that a rendered value sits at its place. */
  indent(rendered: string, column: number): string {
    const padding = " ".repeat(column);
    return rendered.replace(/\n(?=[^\n])/g, `\n${padding}`);
  }
}

function replaceValue(text: SourceText, map: YAMLMap, pair: AnyPair, value: unknown, style: BlockStyle): Splice {
  const start = text.pairStart(pair);
  const end = text.pairEnd(pair);
  const old = pair.value;
  const extent: [number, number] = map.flow ? [map.range?.[0] ?? start, map.range?.[1] ?? end] : text.pairExtent(pair);
  const valueStart = old?.range?.[0];
  const isInPlaceScalar =
    isScalar(old) &&
    valueStart !== undefined &&
    text.contentEnd(old) > valueStart &&
    !old.anchor &&
    !old.tag &&
    (old.type === "PLAIN" || old.type === "QUOTE_DOUBLE" || old.type === "QUOTE_SINGLE") &&
    (value === null || typeof value !== "object");
  if (isInPlaceScalar) {
    // Only the value's characters change: `value: 97.0` -> `value: 98.5`, the key and comments stay.
    const rendered = renderValue(value, { ...style, inline: true });
    return { start: valueStart, end: text.contentEnd(old), text: rendered, touched: [old], extent };
  }
  const keyText = text.source.slice(start, text.contentEnd(pair.key as Node));
  const keyName = String((pair.key as { value: unknown }).value);
  const inline = map.flow || ((isMap(old) || isSeq(old)) && old.flow === true && typeof value === "object");
  // A comment after the value, on its line or indented past the key below it, would become part of a block
  // scalar written before it.
  const following = /^\s*/.exec(text.source.slice(end))?.[0] ?? "";
  const quoteMultiline =
    text.source.slice(end, text.lineEnd(end)).trim() !== "" ||
    (text.source[end + following.length] === "#" && text.column(end + following.length) > text.column(start));
  const ownStyle = {
    ...style,
    ...detectBlockStyle(text.source.slice(start, end)),
    inline: Boolean(inline),
    quoteMultiline,
  };
  const rendered = renderPair(keyName, value, ownStyle);
  const renderedKey = renderValue(keyName, { ...style, inline: true });
  // Keep the key as it was written (quotes and all): only the value changes.
  const entry = rendered.startsWith(`${renderedKey}:`) ? keyText + rendered.slice(renderedKey.length) : rendered;
  const touched = [pair.key, old].filter((node): node is Node => node !== null);
  return { start, end, text: map.flow ? entry : text.indent(entry, text.column(start)), touched, extent };
}

function insertPair(text: SourceText, map: YAMLMap, key: string, value: unknown, style: BlockStyle): Splice {
  const pairs = map.items as AnyPair[];
  const last = pairs.at(-1);
  if (map.flow) {
    const entry = renderPair(key, value, { ...style, inline: true });
    if (!last) {
      const at = text.source.indexOf("{", map.range?.[0] ?? 0) + 1;
      return { start: at, end: at, text: entry, touched: [], extent: [at, at] };
    }
    const at = text.pairEnd(last);
    return { start: at, end: at, text: `, ${entry}`, touched: [], extent: [at, at] };
  }
  if (!last) refuse([key], "cannot be added to an empty block mapping");
  const entry = renderPair(key, value, style);
  const modelIndex = pairs.find((pair) => isScalar(pair.key) && pair.key.value === "model-index");
  if (
    modelIndex === last &&
    key !== "model-index" &&
    text.source.slice(text.lineStart(text.pairStart(last)), text.pairStart(last)).trim() === ""
  ) {
    // huggingface_hub keeps model-index last; new keys go before it, at its indentation.
    const column = text.column(text.pairStart(last));
    const at = text.lineStart(text.pairStart(last));
    return {
      start: at,
      end: at,
      text: `${" ".repeat(column)}${text.indent(entry, column)}\n`,
      touched: [],
      extent: [at, at],
    };
  }
  const column = text.column(text.pairStart(last));
  const at = text.lineEnd(text.pairEnd(last));
  return {
    start: at,
    end: at,
    text: `\n${" ".repeat(column)}${text.indent(entry, column)}`,
    touched: [],
    extent: [at, at],
  };
}

function deletePair(text: SourceText, map: YAMLMap, pair: AnyPair): Splice {
  const pairs = map.items as AnyPair[];
  const index = pairs.indexOf(pair);
  const start = text.pairStart(pair);
  const end = text.pairEnd(pair);
  const touched = [pair.key, pair.value].filter((node): node is Node => node !== null);
  const next = pairs[index + 1];
  const previous = pairs[index - 1];
  if (map.flow) {
    const extent: [number, number] = [map.range?.[0] ?? start, map.range?.[1] ?? end];
    // Take the comma with the pair: the one after it, or before it for the last pair.
    if (next) return { start, end: text.pairStart(next), text: "", touched, extent };
    if (previous) return { start: text.pairEnd(previous), end, text: "", touched, extent };
    return { start, end, text: "", touched, extent };
  }
  const lineStart = text.lineStart(start);
  const extent = text.pairExtent(pair);
  // The last key of a block mapping leaves an empty mapping, which the Hub still reads as one.
  if (pairs.length === 1) return { start, end, text: "{}", touched, extent };
  if (text.source.slice(lineStart, start).trim() !== "" && next) {
    // `- name: x` (the first key of a list item): the next key moves up onto the dash's line.
    return { start, end: text.pairStart(next), text: "", touched, extent: [lineStart, text.pairStart(next)] };
  }
  const after = text.nextLineStart(end);
  if (after < text.source.length || text.source.endsWith("\n"))
    return { start: lineStart, end: after, text: "", touched, extent };
  // The block's last line: take the line break before it instead.
  const from = Math.max(0, lineStart - (text.source[lineStart - 2] === "\r" ? 2 : 1));
  return { start: from, end: text.source.length, text: "", touched, extent: [from, text.source.length] };
}

function appendItem(text: SourceText, sequence: YAMLSeq, value: unknown, style: BlockStyle): Splice {
  const items = sequence.items as (Node | null)[];
  const last = items.at(-1);
  if (sequence.flow) {
    const item = renderValue(value, { ...style, inline: true });
    if (!last) {
      const at = text.source.indexOf("[", sequence.range?.[0] ?? 0) + 1;
      return { start: at, end: at, text: item, touched: [], extent: [at, at] };
    }
    const at = text.contentEnd(last);
    return { start: at, end: at, text: `, ${item}`, touched: [], extent: [at, at] };
  }
  const first = items[0];
  let dash = (first?.range?.[0] ?? 0) - 1;
  while (dash >= 0 && text.source[dash] === " ") dash--;
  if (!first || !last || text.source[dash] !== "-") {
    throw new CardEditRefusedError(
      "the list's first item does not follow its dash; rewrite the list in plain block style",
    );
  }
  const column = text.column(dash);
  const item = text.indent(renderValue(value, style), column + 2);
  const at = text.lineEnd(text.contentEnd(last));
  return { start: at, end: at, text: `\n${" ".repeat(column)}- ${item}`, touched: [], extent: [at, at] };
}
