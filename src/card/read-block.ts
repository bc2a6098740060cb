import { CST, Lexer } from "yaml";
import { findNestingPast, MAX_NESTING_DEPTH } from "./find-nesting-past.js";
import { type HubYamlReading, readHubYaml } from "./hub-yaml.js";
import { indentContinuationLines } from "./indent-continuation-lines.js";
import { isRecord } from "./is-record.js";
import { PositionIndex } from "./position-index.js";
import type { CardProblem, CardProblemCode } from "./problem.js";
import { parseStrictYaml } from "./strict-yaml.js";
import { readsAsYaml11String } from "./yaml11.js";

/** Beyond this, a front-matter block is not parsed (the largest real model-index blocks are under 1 MB). */
export const DEFAULT_MAX_BLOCK_LENGTH = 8 * 1024 * 1024;
/** js-yaml shares one object between an anchor and its aliases; walking the data expands them. Past this many
 * visited values per character of YAML, the block is a "billion laughs" document. */
const MAX_VALUES_PER_CHARACTER = 16;
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/**
 * A plain scalar in a number form PyYAML reads differently from js-yaml: an exponent without a dot, a leading zero,
 * `_`, `0o`, sexagesimal. Anchored to a whole value (after `: `, `- `, `[` or `,`), so that hashes and prose that
 * merely contain such digits do not count.
 */
const NUMBER_FORMS_PYYAML_READS_DIFFERENTLY =
  /(?:[:-][ \t]+|[[,][ \t]*)[-+]?(?:\d[\d_]*(?:\.[\d_]*)?[eE][-+]?\d+|0[\d_]+(?:\.\d*)?|\d+_[\d_]*(?:\.\d*)?|0o[0-7_]+|\d+(?::[0-5]?\d)+(?:\.\d*)?)[ \t]*(?:$|[,\]#\r])/m;

export type Metadata = Record<string, unknown>;

export interface BlockReading {
  /** The metadata as the Hub reads it (js-yaml 4); `{}` when it cannot read the block or it is not a mapping. */
  metadata: Metadata;
  problems: CardProblem[];
  /** False when the Hub would reject the block: js-yaml cannot read it, or it is not a mapping. */
  hubReadable: boolean;
  /** Whether some scalar may read differently in PyYAML (then the positions pass looks closer). */
  mayDifferInPyYaml: boolean;
  /** Maps an offset in the YAML text to a 1-based line and column in the card file. */
  positionAt: (offset: number) => { line: number; column: number };
  /** Keys and values with their offsets, built on first use. */
  positions: () => PositionIndex;
  /** js-yaml's own result (null without front matter or for a block too large to read): what edits start from. */
  hub: HubYamlReading | null;
}

/**
 * Reads a front-matter block as the Hub does (js-yaml 4) into plain metadata and problems. What the Hub rejects is
 * an error, in js-yaml's own words; what only PyYAML (huggingface_hub) or strict YAML 1.2 readers trip on is a
 * warning. Never throws on content.
 */
export function readBlock(
  yamlText: string,
  firstLineInFile: number,
  hasFrontMatter: boolean,
  maxBlockLength = DEFAULT_MAX_BLOCK_LENGTH,
): BlockReading {
  const positionAt = positionsIn(yamlText, firstLineInFile);
  let index: PositionIndex | undefined;
  const positions = () => {
    index ??= new PositionIndex(yamlText);
    return index;
  };
  const problems: CardProblem[] = [];
  const report = (
    code: CardProblemCode,
    severity: CardProblem["severity"],
    message: string,
    start: number,
    end?: number,
    fix?: CardProblem["fix"] | null,
  ) => {
    const from = positionAt(start);
    const to = end === undefined ? undefined : positionAt(end);
    problems.push({
      code,
      severity,
      message,
      ...from,
      ...(to ? { endLine: to.line, endColumn: to.column } : {}),
      ...(fix ? { fix } : {}),
    });
  };
  let hub: HubYamlReading | null = null;
  const reading = (metadata: Metadata, hubReadable: boolean, mayDifferInPyYaml = false): BlockReading => ({
    metadata,
    problems,
    hubReadable,
    mayDifferInPyYaml,
    positionAt,
    positions,
    hub,
  });

  if (!hasFrontMatter) return reading({}, true);
  if (yamlText.length > maxBlockLength) {
    report(
      "block-too-large",
      "error",
      `The front matter holds ${yamlText.length} characters, more than the ${maxBlockLength} this reader parses; move data out of the YAML block.`,
      0,
    );
    return reading({}, false);
  }

  const tooDeep = findNestingPast(yamlText);
  if (tooDeep !== null) {
    report(
      "nesting-limit",
      "error",
      `Collections nest more than ${MAX_NESTING_DEPTH} levels deep here; the Hub's reader (js-yaml) cannot be relied on to read this front matter (its stack runs out past 1,000 levels or so, PyYAML's near 490). Flatten the data.`,
      tooDeep,
    );
    return reading({}, false);
  }
  hub = readHubYaml(yamlText);
  if (!hub.ok) {
    const code = hub.reason === "duplicated mapping key" ? "duplicate-key" : "yaml-syntax";
    report(code, "error", `${hub.reason} (${hub.line + 1}:${hub.column + 1})`, Math.min(hub.offset, yamlText.length));
    return reading({}, false);
  }
  if (!isRecord(hub.value)) {
    // The Hub's own words: a list fails its schema, anything else is "invalid".
    const what = Array.isArray(hub.value) ? "a list" : hub.value == null ? "empty" : "a single value";
    const message = Array.isArray(hub.value)
      ? '"value" must be of type object'
      : "The YAML metadata of your README.md is invalid.";
    report("not-a-mapping", "error", `${message} (the front matter is ${what}; write a mapping of keys to values)`, 0);
    return reading({}, false);
  }
  const metadata = hub.value as Metadata;

  const walk = walkMetadata(metadata, yamlText.length * MAX_VALUES_PER_CHARACTER + 1000);
  if (walk.tooLarge) {
    report(
      "alias-limit",
      "error",
      "Aliases expand this front matter far beyond its size (a 'billion laughs' document); it cannot be read safely.",
      0,
    );
    return reading({}, false);
  }
  for (const path of walk.unsafeKeys) {
    const entry = positions().entryAt(path);
    report(
      "unsafe-key",
      "warning",
      `Key "${path[path.length - 1]}" names a JavaScript object property; it is kept as data, but rename it if you can.`,
      entry?.keyStart ?? 0,
      entry?.keyEnd,
    );
  }
  if (yamlText.includes("\t")) {
    for (const offset of tabsPyYamlRejects(yamlText)) {
      report(
        "tab-character",
        "warning",
        "A tab separates tokens here; the Hub reads it, PyYAML (huggingface_hub) cannot. Use spaces.",
        offset,
        offset + 1,
        { range: [offset, offset + 1], text: " " },
      );
    }
  }
  if (mayHaveColumnZeroContinuation(yamlText, Object.keys(metadata).length)) {
    const [error] = parseStrictYaml(yamlText).errors;
    if (error) {
      const fix = indentContinuationLines(yamlText, positions(), metadata);
      report(
        "strict-yaml",
        "warning",
        `The Hub reads this, but strict YAML 1.2 readers cannot: ${firstLine(error.message)}.${fix ? " Indent the continuation lines." : ""}`,
        error.pos[0],
        error.pos[1],
        fix,
      );
    }
  }
  const mayDiffer = walk.pyyamlCandidates || (walk.hasNumbers && NUMBER_FORMS_PYYAML_READS_DIFFERENTLY.test(yamlText));
  return reading(metadata, true, mayDiffer);
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
}

interface MetadataWalk {
  tooLarge: boolean;
  unsafeKeys: (string | number)[][];
  /** A key or string PyYAML would read as another type if written plain, or a date. */
  pyyamlCandidates: boolean;
  hasNumbers: boolean;
}

/** One pass over the data for what the checks need; counts values (aliases included) up to `budget`. */
function walkMetadata(metadata: Metadata, budget: number): MetadataWalk {
  const result: MetadataWalk = { tooLarge: false, unsafeKeys: [], pyyamlCandidates: false, hasNumbers: false };
  let visited = 0;
  const mayReadOtherwise = (text: string) => !readsAsYaml11String(text);
  // One path, pushed and popped: copied only for the rare unsafe key.
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (result.tooLarge) return;
    if (++visited > budget) {
      result.tooLarge = true;
      return;
    }
    if (typeof value === "string") {
      if (!result.pyyamlCandidates && mayReadOtherwise(value)) result.pyyamlCandidates = true;
    } else if (typeof value === "number") {
      result.hasNumbers = true;
    } else if (value instanceof Date) {
      result.pyyamlCandidates = true;
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index]);
        path.pop();
      }
      Object.freeze(value);
    } else if (isRecord(value)) {
      for (const key of Object.keys(value)) {
        if (UNSAFE_KEYS.has(key)) result.unsafeKeys.push([...path, key]);
        if (!result.pyyamlCandidates && mayReadOtherwise(key)) result.pyyamlCandidates = true;
        path.push(key);
        visit(value[key]);
        path.pop();
      }
      // The reading is the card's own: frozen in this pass, which visits every value anyway.
      Object.freeze(value);
    }
  };
  visit(metadata);
  return result;
}

/**
 * True when more lines start at column 0 with something other than a list item than the mapping has keys:
 * something else (a quoted string continued there, as in the T0 cards) sits at column 0, which js-yaml accepts
 * and strict YAML 1.2 does not.
 */
function mayHaveColumnZeroContinuation(yamlText: string, keyCount: number): boolean {
  let lines = 0;
  for (let start = 0; start < yamlText.length; ) {
    const char = yamlText[start];
    const next = yamlText[start + 1];
    // Blank lines, comments and compact list items (`- x` under a key) are not keys either.
    const listItem = char === "-" && (next === " " || next === "\n" || next === "\r" || next === undefined);
    if (char !== " " && char !== "\t" && char !== "#" && char !== "\r" && char !== "\n" && !listItem) lines++;
    const newline = yamlText.indexOf("\n", start);
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines > keyCount;
}

/**
 * Offset -> file line and column. Line starts are found on first use: most cards never need a position.
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

/**
 * Offsets of tabs in the white space between tokens. js-yaml (the Hub) reads them there, PyYAML stops with
 * "found character '\\t' that cannot start any token", so huggingface_hub cannot read the card.
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
