import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";

/** One file of the commit: where it is on disk and where it goes in the repository. */
export interface UploadFile {
  /** Path in the repository, `/`-separated (e.g. `int8/model.safetensors`). */
  pathInRepo: string;
  /** Where it is on disk; for a generated file, where it would be. */
  localPath: string;
  size: number;
  /** The bytes of a file made for this push (a generated card or curves) rather than read from disk. */
  content?: Buffer;
}

export interface UploadPlan {
  /** The card, uploaded as README.md; null when a directory has none. */
  card: UploadFile | null;
  /** Every file of the commit, README.md first, then by path. */
  files: UploadFile[];
  /** Entries of the directory left out on purpose (checkpoints, optimizer state, unknown files), by path. */
  skipped: string[];
  totalBytes: number;
}

export interface PlanUploadParams {
  /** A training output directory, or a card file. */
  path: string;
  /** Only the card, nothing else. */
  cardOnly?: boolean;
}

/** Training state that is useless (or harmful) on the Hub, even though some of it looks like weights. */
const TRAINING_STATE = [/^optimizer\.pt$/, /^scheduler\.pt$/, /^rng_state.*\.pth$/, /^training_args\.bin$/];

/** What a model repository needs from a run: weights, configs, tokenizer, chat template and the run's results. */
const MODEL_FILES = [
  /\.safetensors$/,
  /\.bin$/,
  /\.gguf$/,
  /\.(safetensors|bin)\.index\.json$/,
  /^(config|generation_config|adapter_config)\.json$/,
  /^tokenizer(_config)?\.json$/,
  /^tokenizer\.model$/,
  /^(special_tokens_map|added_tokens)\.json$/,
  /^vocab\.(json|txt)$/,
  /^merges\.txt$/,
  /^(spiece|sentencepiece\.bpe)\.model$/,
  /\.tiktoken$/,
  /^chat_template\.(jinja|json)$/,
  /_results\.json$/,
  /^(trainer_state|training_config)\.json$/,
];

const TRAINING_CURVES = /^training_curves.*\.(png|svg)$/;
const QUANTIZED_FOLDERS = new Set(["int8", "int4"]);

/**
 * Lists what `modelcard push` sends, without sending anything: the card (as README.md), the training-curves
 * image(s) beside it and, for a directory, the model files of the run and of its quantized subfolders (`int8/`,
 * `int4/`, or any subfolder whose config.json has a `quantization_config`). Checkpoints, optimizer and scheduler
 * state, RNG state, training_args.bin and dot-files stay home. Throws when the path cannot be read.
 */
export async function planUpload(params: PlanUploadParams): Promise<UploadPlan> {
  const info = await statOrThrow(params.path);
  const files: UploadFile[] = [];
  const skipped: string[] = [];
  let card: UploadFile | null = null;

  if (info.isFile()) {
    card = { pathInRepo: "README.md", localPath: params.path, size: info.size };
    if (!params.cardOnly) files.push(...(await trainingCurves(dirname(params.path))));
  } else {
    const readme = join(params.path, "README.md");
    const readmeInfo = await stat(readme).catch(() => null);
    if (readmeInfo?.isFile()) card = { pathInRepo: "README.md", localPath: readme, size: readmeInfo.size };
    if (!params.cardOnly) await collectRun(params.path, files, skipped);
  }

  files.sort((a, b) => (a.pathInRepo < b.pathInRepo ? -1 : a.pathInRepo > b.pathInRepo ? 1 : 0));
  if (card) files.unshift(card);
  return { card, files, skipped: skipped.sort(), totalBytes: files.reduce((sum, file) => sum + file.size, 0) };
}

async function collectRun(root: string, files: UploadFile[], skipped: string[]): Promise<void> {
  for (const name of await readdir(root)) {
    if (name.startsWith(".") || name === "README.md") continue;
    const localPath = join(root, name);
    const info = await stat(localPath).catch(() => null);
    if (info?.isDirectory()) {
      if (
        !name.startsWith("checkpoint-") &&
        (QUANTIZED_FOLDERS.has(name) || (await hasQuantizationConfig(localPath)))
      ) {
        await collectModelFiles(localPath, `${name}/`, files, skipped);
      } else {
        skipped.push(`${name}/`);
      }
    } else if (info?.isFile() && (isModelFile(name) || TRAINING_CURVES.test(name))) {
      files.push({ pathInRepo: name, localPath, size: info.size });
    } else {
      skipped.push(name);
    }
  }
}

/** The model files directly inside a quantized subfolder (nothing deeper). */
async function collectModelFiles(folder: string, prefix: string, files: UploadFile[], skipped: string[]) {
  for (const name of await readdir(folder)) {
    if (name.startsWith(".")) continue;
    const localPath = join(folder, name);
    const info = await stat(localPath).catch(() => null);
    if (info?.isFile() && isModelFile(name)) files.push({ pathInRepo: `${prefix}${name}`, localPath, size: info.size });
    else skipped.push(`${prefix}${name}${info?.isDirectory() ? "/" : ""}`);
  }
}

function isModelFile(name: string): boolean {
  return !TRAINING_STATE.some((pattern) => pattern.test(name)) && MODEL_FILES.some((pattern) => pattern.test(name));
}

async function trainingCurves(folder: string): Promise<UploadFile[]> {
  const names = (await readdir(folder)).filter((name) => TRAINING_CURVES.test(name));
  const found: UploadFile[] = [];
  for (const name of names) {
    const localPath = join(folder, name);
    const info = await stat(localPath);
    if (info.isFile()) found.push({ pathInRepo: name, localPath, size: info.size });
  }
  return found;
}

async function hasQuantizationConfig(folder: string): Promise<boolean> {
  try {
    const config: unknown = JSON.parse(await readFile(join(folder, "config.json"), "utf8"));
    const quantization = (config as { quantization_config?: unknown } | null)?.quantization_config;
    return typeof quantization === "object" && quantization !== null;
  } catch {
    // No config.json, or one that is not JSON: not a model folder we know how to publish.
    return false;
  }
}

async function statOrThrow(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (error as Error).message;
    throw new Error(`${path}: ${reason}; give a training output folder or a card file (README.md).`, { cause: error });
  }
}
