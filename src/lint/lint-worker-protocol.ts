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

/**
 * Results for the first files of the batch, in order (null for a file of a folder that is not a card). A thread
 * stops once it has read `BATCH_BYTES`: the rest of the batch goes back to the pool, so work is shared by bytes
 * (a batch holding the 600 KB cards does not keep one thread busy while the others idle).
 */
export type LintBatchResult = (FileResult | null)[];

export const BATCH_BYTES = 256 * 1024;
