import {
  CST,
  type Document,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  type Node,
  type Pair,
  parseDocument,
  type YAMLError,
} from "yaml";
import type { CardProblem, CardProblemCode } from "./problem.js";

/** Beyond this, a front-matter block is not parsed (the largest real model-index blocks are under 1 MB). */
export const DEFAULT_MAX_BLOCK_LENGTH = 8 * 1024 * 1024;
/** Alias expansions allowed when building plain data; more is a "billion laughs" document. */
const MAX_ALIAS_COUNT = 100;
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type Metadata = Record<string, unknown>;

export interface BlockReading {
  document: Document.Parsed | null;
  metadata: Metadata;
  problems: CardProblem[];
  /** Maps an offset in the YAML text to a 1-based line and column in the card file. */
  positionAt: (offset: number) => { line: number; column: number };
}

const YAML_CODES: Partial<Record<string, CardProblemCode>> = {
  DUPLICATE_KEY: "duplicate-key",
  TAB_AS_INDENT: "tab-indentation",
};

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Parses a front-matter block (YAML 1.2 core schema, comments kept) into a document, plain metadata and
 * problems. Never throws on content.
 */
export function readBlock(
  yamlText: string,
  firstLineInFile: number,
  maxBlockLength = DEFAULT_MAX_BLOCK_LENGTH,
): BlockReading {
  const positionAt = positionsIn(yamlText, firstLineInFile);
  const problems: CardProblem[] = [];
  const report = (
    code: CardProblemCode,
    severity: CardProblem["severity"],
    message: string,
    start: number,
    end?: number,
  ) => {
    const from = positionAt(start);
    const to = end === undefined ? undefined : positionAt(end);
    problems.push({ code, severity, message, ...from, ...(to ? { endLine: to.line, endColumn: to.column } : {}) });
  };

  // No block, or nothing between the fences: nothing to parse.
  if (yamlText === "") return { document: null, metadata: {}, problems, positionAt };
  if (yamlText.length > maxBlockLength) {
    report(
      "block-too-large",
      "error",
      `The front matter holds ${yamlText.length} characters, more than the ${maxBlockLength} this reader parses; move data out of the YAML block.`,
      0,
    );
    return { document: null, metadata: {}, problems, positionAt };
  }

  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, version: "1.2" });
  const toProblem = (severity: CardProblem["severity"]) => (error: YAMLError) =>
    report(YAML_CODES[error.code] ?? "yaml-syntax", severity, firstLine(error.message), error.pos[0], error.pos[1]);
  document.errors.forEach(toProblem("error"));
  document.warnings.forEach(toProblem("warning"));
  // PyYAML accepts duplicate keys (the last wins), so only other errors leave the metadata empty.
  const unreadable = document.errors.some((error) => error.code !== "DUPLICATE_KEY");

  if (yamlText.includes("\t") && !problems.some((problem) => problem.code === "tab-indentation")) {
    for (const offset of tabsPyYamlRejects(yamlText)) {
      report(
        "tab-character",
        "error",
        "A tab separates tokens here; PyYAML (huggingface_hub) cannot read it. Use spaces.",
        offset,
        offset + 1,
      );
    }
  }

  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    report(
      "not-a-mapping",
      "error",
      `The front matter must be a mapping of keys to values, not a ${isSeq(contents) ? "list" : "scalar"}.`,
      contents.range[0],
      contents.range[1],
    );
    return { document, metadata: {}, problems, positionAt };
  }
  if (contents) checkKeys(contents, true, report);
  if (unreadable) return { document, metadata: {}, problems, positionAt };

  try {
    const data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Metadata | null;
    return { document, metadata: data ?? {}, problems, positionAt };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = /alias/i.test(message) ? "alias-limit" : "yaml-syntax";
    report(code, "error", `${message}; the front matter cannot be read safely.`, 0);
    return { document, metadata: {}, problems, positionAt };
  }
}

/**
 * Offset -> file line and column. Line starts are found on first use: most cards never need a position, and
 * counting lines during the parse (yaml's LineCounter) costs as much again as the parse itself.
 */
function positionsIn(text: string, firstLineInFile: number): BlockReading["positionAt"] {
  let lineStarts: number[] | undefined;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1))
        lineStarts.push(index + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: firstLineInFile + low, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

type Report = (
  code: CardProblemCode,
  severity: CardProblem["severity"],
  message: string,
  start: number,
  end?: number,
) => void;

/** Non-string keys break huggingface_hub (top level) and JSON; prototype-named keys deserve a rename. */
function checkKeys(node: Node, topLevel: boolean, report: Report): void {
  if (isMap(node)) {
    for (const pair of node.items as Pair<Node | null, Node | null>[]) {
      const key = pair.key;
      const [start = 0, end = start] = key?.range ?? [];
      if (key && (!isScalar(key) || typeof key.value !== "string")) {
        const shown = isScalar(key) ? JSON.stringify(key.value) : "a collection";
        report("non-string-key", topLevel ? "error" : "warning", `Key ${shown} is not a string; quote it.`, start, end);
      } else if (key && UNSAFE_KEYS.has(key.value as string)) {
        report(
          "unsafe-key",
          "warning",
          `Key "${key.value}" names a JavaScript object property; it is kept as data, but rename it if you can.`,
          start,
          end,
        );
      }
      if (pair.value) checkKeys(pair.value, false, report);
    }
  } else if (isSeq(node)) {
    for (const item of node.items as (Node | null)[]) if (item) checkKeys(item, false, report);
  }
}

/**
 * Offsets of tabs in the whitespace between tokens. YAML 1.2 allows them there, PyYAML stops with "found character
 * '\\t' that cannot start any token", so huggingface_hub cannot read the card.
 */
function tabsPyYamlRejects(yamlText: string): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(yamlText)) {
    const isControl =
      token.length === 1 && token.charCodeAt(0) < 0x20 && token !== "\t" && token !== "\n" && token !== "\r";
    if (isControl) continue;
    if (CST.tokenType(token) === "space" && token.includes("\t")) offsets.push(offset + token.indexOf("\t"));
    offset += token.length;
  }
  return offsets;
}
