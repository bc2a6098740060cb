import type { CardFile } from "./collect-card-files.js";
import type { FileResult } from "./file-result.js";
import type { LintConfig } from "./types.js";

/** One task of the lint worker pool: a batch of files and how to lint them. */
export interface LintBatch {
  files: CardFile[];
  /** The configuration without its custom rules (code cannot cross threads). */
  config: Omit<LintConfig, "plugins"> | undefined;
  /** The configuration file whose custom rules the worker loads (once), or null when there are none. */
  configPath: string | null;
  cwd: string;
  fix: boolean;
}

/** One result per file of the batch; null for a file of a folder that is not a card. */
export type LintBatchResult = (FileResult | null)[];
