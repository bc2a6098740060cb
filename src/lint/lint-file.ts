import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { type FileResult, fileResult } from "./file-result.js";
import { fixText } from "./fix-text.js";
import { isEvalResultsPath, lintEvalResultsBytes } from "./lint-eval-results.js";
import { lintText } from "./lint-text.js";
import type { LintConfig } from "./types.js";
import { unreadableResult } from "./unreadable-result.js";

export interface LintFileOptions {
  config?: LintConfig;
  /** Apply safe fixes and write the file (atomically) when something changed. */
  fix?: boolean;
  /** The name shown for the file (default: its path). */
  displayName?: string;
  /** Skip the file (resolve to null) unless it is a README.md or starts with a `---` line: a folder's other notes. */
  onlyCards?: boolean;
}

/** True for content that is not a text card: a NUL byte in the first 8 KB, as git decides. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** The card's bytes, or the result that says why it cannot be linted (never a throw). */
export function readCardBytes(path: string, file: string): Buffer | FileResult {
  try {
    // Synchronous: one small read per card, in a worker or a CLI run; waiting on the event loop costs more.
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "a folder"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : (error as Error).message;
    return unreadableResult(file, `${file}: cannot read the card (${reason}); check the path.`);
  }
}

/**
 * Lints (and with `fix`, fixes) one card file. An unreadable or binary file gives a fatal result, never a throw.
 */
export async function lintFile(path: string, options: LintFileOptions = {}): Promise<FileResult | null> {
  const file = options.displayName ?? path;
  const bytes = readCardBytes(path, file);
  return Buffer.isBuffer(bytes) ? lintCardBytes(bytes, path, options) : bytes;
}

/** `lintFile` once the bytes are read. */
export async function lintCardBytes(
  bytes: Buffer,
  path: string,
  options: LintFileOptions = {},
): Promise<FileResult | null> {
  // A `.eval_results/*.yaml` file beside a card: a list of scores with rules of its own.
  if (isEvalResultsPath(path)) return lintEvalResultsBytes(bytes, path, options);
  const file = options.displayName ?? path;
  if (looksBinary(bytes))
    return unreadableResult(file, `${file}: this is a binary file, not a Markdown card; leave it out.`);
  const text = bytes.toString("utf8");
  if (options.onlyCards && basename(path).toLowerCase() !== "readme.md" && !/^\s*---[ \t]*[\r\n]/.test(text))
    return null;
  const lintOptions = { config: options.config, filePath: path };
  if (!options.fix) return fileResult(file, lintText(text, lintOptions));
  const { output, messages, fixed } = fixText(text, lintOptions);
  if (output !== text) {
    try {
      // Loaded only to write: a plain lint run starts faster without it.
      const { writeFileAtomically } = await import("../io/write-file-atomically.js");
      await writeFileAtomically(path, output);
    } catch (error) {
      return unreadableResult(file, (error as Error).message);
    }
  }
  return fileResult(file, messages, { fixed });
}
