import { createRequire } from "node:module";
import pc from "picocolors";
import type { FileResult } from "./file-result.js";

type CodeFrame = typeof import("@babel/code-frame");
let codeFrame: CodeFrame | undefined;
/** Loaded on the first frame printed: a clean run never pays for it. */
const codeFrameColumns: CodeFrame["codeFrameColumns"] = (...args) => {
  codeFrame ??= createRequire(import.meta.url)("@babel/code-frame") as CodeFrame;
  return codeFrame.codeFrameColumns(...args);
};

export interface PrettyOptions {
  color: boolean;
  /** The file's text, for code frames; without it only the message lines are printed. */
  text?: string;
}

/** One file's messages, each with its code frame: the human output of `modelcard lint`. */
export function formatPrettyFile(result: FileResult, options: PrettyOptions): string {
  if (result.messages.length === 0) return "";
  const colors = pc.createColors(options.color);
  const lines = [colors.underline(result.file)];
  for (const message of result.messages) {
    const severity = message.severity === "error" ? colors.red("error") : colors.yellow("warning");
    const where = colors.dim(`${message.line}:${message.column}`);
    lines.push(`  ${where}  ${severity}  ${message.message}  ${colors.dim(message.ruleId)}`);
    if (options.text !== undefined && !result.fatal) {
      const location = {
        start: { line: message.line, column: message.column },
        ...(message.endLine !== undefined && message.endLine === message.line
          ? { end: { line: message.endLine, column: message.endColumn ?? message.column } }
          : {}),
      };
      const frame = codeFrameColumns(options.text, location, {
        highlightCode: false,
        forceColor: false,
        linesAbove: 1,
        linesBelow: 1,
      });
      lines.push(frame.replace(/^/gm, "    "));
    }
  }
  return `${lines.join("\n")}\n\n`;
}
