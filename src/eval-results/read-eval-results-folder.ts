import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { FileAccessError } from "../errors/index.js";
import { describeFileError } from "../io/describe-file-error.js";
import { readCardFile } from "../io/read-card-file.js";
import { EvalResultsFile } from "./eval-results-file.js";

/** The folder the Hub reads scores from, in a model repository (huggingface_hub's `EVAL_RESULTS_FOLDER`). */
export const EVAL_RESULTS_FOLDER = ".eval_results";

/** One file of a model's `.eval_results/` folder. */
export interface EvalResultsFolderFile {
  /** The file's name, e.g. `gpqa.yaml`. */
  name: string;
  /** Its path on disk. */
  path: string;
  file: EvalResultsFile;
}

/** True for the files the Hub reads in `.eval_results/`: every `*.yaml` (its docs show no other extension). */
export function isEvalResultsFileName(name: string): boolean {
  return name.endsWith(".yaml") && !name.startsWith(".");
}

/** True for a path of such a file: `.eval_results/<name>.yaml`, at any folder. */
export function isEvalResultsPath(path: string): boolean {
  return basename(dirname(path)) === EVAL_RESULTS_FOLDER && isEvalResultsFileName(basename(path));
}

/**
 * Reads the `.eval_results/*.yaml` files of a model folder (the folder holding README.md), sorted by name; none
 * when there is no such folder. A file or folder that exists but cannot be read throws a FileAccessError.
 */
export async function readEvalResultsFolder(modelFolder: string): Promise<EvalResultsFolderFile[]> {
  const folder = join(modelFolder, EVAL_RESULTS_FOLDER);
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw new FileAccessError(
      "FILE_UNREADABLE",
      folder,
      `${folder}: cannot read the folder (${describeFileError(error)})`,
    );
  }
  const files: EvalResultsFolderFile[] = [];
  const names = entries.filter((entry) => !entry.isDirectory() && isEvalResultsFileName(entry.name));
  for (const name of names.map((entry) => entry.name).sort()) {
    const path = join(folder, name);
    // Opened without waiting, as a card is: a FIFO named like a score file is "not a regular file", never waited on.
    const bytes = await readCardFile(path);
    files.push({ name, path, file: EvalResultsFile.parse(bytes.toString("utf8")) });
  }
  return files;
}
