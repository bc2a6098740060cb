import type { CardFile } from "./collect-card-files.js";
import type { FileResult } from "./file-result.js";
import type { LintConfig } from "./types.js";

/** What `lintFiles` and its worker threads exchange. */
export interface LintWorkerData {
  /** The configuration without its custom rules (code cannot cross threads). */
  config: Omit<LintConfig, "plugins"> | undefined;
  /** The configuration file, loaded again in the worker when it has custom rules. */
  configPath: string | null;
  cwd: string;
  fix: boolean;
}

export interface LintWorkerRequest {
  id: number;
  files: CardFile[];
}

export interface LintWorkerResponse {
  id: number;
  results: (FileResult | null)[];
}
