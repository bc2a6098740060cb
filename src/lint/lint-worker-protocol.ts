import type { CardFile } from "./collect-card-files.js";
import type { FileResult } from "./file-result.js";

/** What `lintFiles` and its worker threads exchange. */
export interface LintWorkerData {
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
