import { createRequire } from "node:module";
import pc from "picocolors";
import type { FileResult } from "./file-result.js";
import type { LintMessage } from "./types.js";

type CodeFrame = typeof import("@babel/code-frame");
type FrameOptions = NonNullable<Parameters<CodeFrame["codeFrameColumns"]>[2]> & {
  /** The file line number of the first line passed (@babel/code-frame 7.22+, missing from its types). */
  startLine?: number;
};
let codeFrame: CodeFrame | undefined;
/** Loaded on the first frame printed: a clean run never pays for it. */
const codeFrameColumns = (
  ...[text, location, options]: [string, Parameters<CodeFrame["codeFrameColumns"]>[1], FrameOptions]
) => {
  codeFrame ??= createRequire(import.meta.url)("@babel/code-frame") as CodeFrame;
  return codeFrame.codeFrameColumns(text, location, options);
};

/** A card with more messages than this shows the first ones and says how many more there are (JSON lists all). */
export const MAX_MESSAGES_PER_CARD = 100;
/** The same for one rule within a card: a thousand tabs make one point, not a thousand frames. */
export const MAX_MESSAGES_PER_RULE = 20;
/** Frame lines longer than this are cut around the column, so that a 1 MB line prints as a few dozen characters. */
const MAX_FRAME_WIDTH = 160;
const CONTEXT_BEFORE_COLUMN = 60;

export interface PrettyOptions {
  color: boolean;
  /** The file's text, for code frames; without it only the message lines are printed. */
  text?: string;
}

/**
 * One file's messages, each with its code frame: the human output of `modelcard lint`. Linear in the messages and
 * the size of the lines shown: the text is split once, each frame gets its three lines, long lines are cut, and
 * past `MAX_MESSAGES_PER_RULE` (per rule) or `MAX_MESSAGES_PER_CARD` the rest is counted, not printed. Control
 * characters of the card are shown as symbols, never sent to the terminal.
 */
export function formatPrettyFile(result: FileResult, options: PrettyOptions): string {
  if (result.messages.length === 0) return "";
  const colors = pc.createColors(options.color);
  const out = [colors.underline(printable(result.file))];
  const fileLines = options.text !== undefined && !result.fatal ? options.text.split("\n") : undefined;
  const shownPerRule = new Map<string, number>();
  const hiddenPerRule = new Map<string, number>();
  let shown = 0;
  for (const message of result.messages) {
    const ruleShown = shownPerRule.get(message.ruleId) ?? 0;
    if (shown >= MAX_MESSAGES_PER_CARD || ruleShown >= MAX_MESSAGES_PER_RULE) {
      hiddenPerRule.set(message.ruleId, (hiddenPerRule.get(message.ruleId) ?? 0) + 1);
      continue;
    }
    shown++;
    shownPerRule.set(message.ruleId, ruleShown + 1);
    const severity = message.severity === "error" ? colors.red("error") : colors.yellow("warning");
    const where = colors.dim(`${message.line}:${message.column}`);
    out.push(`  ${where}  ${severity}  ${printable(message.message)}  ${colors.dim(printable(message.ruleId))}`);
    if (fileLines) out.push(frame(fileLines, message).replace(/^/gm, "    "));
  }
  for (const [ruleId, hidden] of hiddenPerRule) {
    const what = `${hidden.toLocaleString("en-US")} more ${ruleId} message${hidden === 1 ? "" : "s"}`;
    out.push(colors.dim(`  … ${printable(what)} in this card, not shown (--format json lists every message)`));
  }
  return `${out.join("\n")}\n\n`;
}

/** The code frame of one message: its line and one on each side, cut to `MAX_FRAME_WIDTH` around the column. */
function frame(fileLines: readonly string[], message: LintMessage): string {
  const first = Math.max(1, message.line - 1);
  const window = fileLines.slice(first - 1, message.line + 1);
  const longest = Math.max(...window.map((line) => line.length));
  const cut = longest > MAX_FRAME_WIDTH ? Math.max(0, message.column - 1 - CONTEXT_BEFORE_COLUMN) : 0;
  // The cut is the same on every line, so that the lines and the marker stay aligned; `…` takes one column.
  const shift = cut > 0 ? cut - 1 : 0;
  const lines = window.map((line) => {
    if (longest <= MAX_FRAME_WIDTH) return printable(line);
    const part = line.slice(cut, cut + MAX_FRAME_WIDTH);
    return printable(
      `${cut > 0 && line.length > 0 ? "…" : ""}${part}${line.length > cut + MAX_FRAME_WIDTH ? "…" : ""}`,
    );
  });
  const column = Math.max(1, message.column - shift);
  const sameLine = message.endLine !== undefined && message.endLine === message.line;
  const endColumn = sameLine
    ? Math.min(Math.max(column, (message.endColumn ?? message.column) - shift), column + MAX_FRAME_WIDTH)
    : 0;
  const location = {
    start: { line: message.line, column },
    ...(sameLine ? { end: { line: message.line, column: endColumn } } : {}),
  };
  return codeFrameColumns(lines.join("\n"), location, {
    highlightCode: false,
    forceColor: false,
    linesAbove: 1,
    linesBelow: 1,
    startLine: first,
  });
}

/**
 * Text as a terminal may show it: C0 controls become their Unicode symbols (␛ for escape), C1 controls and line
 * separators U+FFFD. A tab stays a tab; each replacement takes one column, so frames stay aligned.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\uFFFD";
  });
}
