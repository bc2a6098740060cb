import { basename } from "node:path";
import { ModelCard } from "../card/index.js";
import { isEvalResultsPath } from "../eval-results/read-eval-results-folder.js";
import { readCardFileSync } from "../io/read-card-file-sync.js";
import { type FileResult, fileResult } from "./file-result.js";
import { fixCard } from "./fix-card.js";
import { lintCard } from "./lint-card.js";
import { lintEvalResultsBytes } from "./lint-eval-results.js";
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

/** The card's bytes, or the result that says why it cannot be linted (never a throw, never a wait on a FIFO). */
export function readCardBytes(path: string, file: string): Buffer | FileResult {
  try {
    // Synchronous: one small read per card, in a worker or a CLI run; waiting on the event loop costs more.
    return readCardFileSync(path, file);
  } catch (error) {
    return unreadableResult(file, (error as Error).message);
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

/**
 * `lintFile` once the bytes are read: they become a card through `ModelCard.fromBytes`, as for every command.
 * Binary content is a fatal result; bytes that are not UTF-8 are an `invalid-utf8` warning, and get no fix.
 */
export async function lintCardBytes(
  bytes: Uint8Array,
  path: string,
  options: LintFileOptions = {},
): Promise<FileResult | null> {
  // A `.eval_results/*.yaml` file beside a card: a list of scores with rules of its own.
  if (isEvalResultsPath(path)) return lintEvalResultsBytes(bytes, path, options);
  const file = options.displayName ?? path;
  const card = ModelCard.fromBytes(bytes);
  const binary = card.readerProblems.find((problem) => problem.code === "binary-content");
  if (binary) return unreadableResult(file, `${file}: ${binary.message}`);
  if (options.onlyCards && basename(path).toLowerCase() !== "readme.md" && !/^\s*---[ \t]*[\r\n]/.test(card.toString()))
    return null;
  const lintOptions = { config: options.config, filePath: path };
  if (!options.fix) return fileResult(file, lintCard(card, lintOptions));
  const { messages, fixed } = fixCard(card, lintOptions);
  if (fixed > 0) {
    try {
      // Loaded only to write: a plain lint run starts faster without it.
      const { writeFileAtomically } = await import("../io/write-file-atomically.js");
      await writeFileAtomically(path, card.toString());
    } catch (error) {
      return unreadableResult(file, (error as Error).message);
    }
  }
  return fileResult(file, messages, { fixed });
}
