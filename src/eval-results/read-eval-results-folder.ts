import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { FileAccessError } from "../errors/index.js";
import { describeFileError } from "../io/describe-file-error.js";
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

/**
 * Reads the `.eval_results/*.yaml` files of a model folder (the folder holding README.md), sorted by name; none
 * when there is no such folder. A file or folder that exists but cannot be read throws a FileAccessError.
 */
export async function readEvalResultsFolder(modelFolder: string): Promise<EvalResultsFolderFile[]> {
  const folder = join(modelFolder, EVAL_RESULTS_FOLDER);
  let names: string[];
  try {
    names = await readdir(folder);
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
  for (const name of names.filter(isEvalResultsFileName).sort()) {
    const path = join(folder, name);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EISDIR") continue;
      throw new FileAccessError("FILE_UNREADABLE", path, `${path}: cannot read the file (${describeFileError(error)})`);
    }
    files.push({ name, path, file: EvalResultsFile.parse(text) });
  }
  return files;
}
