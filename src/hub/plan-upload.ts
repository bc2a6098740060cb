import type { Stats } from "node:fs";
import { access, constants, lstat, readdir, realpath, stat } from "node:fs/promises";
import { dirname, join, parse, sep } from "node:path";
import picomatch from "picomatch";
import { EVAL_RESULTS_FOLDER, isEvalResultsFileName } from "../eval-results/read-eval-results-folder.js";
import { describeFileError } from "../io/describe-file-error.js";
import { TEMPORARY_FILE_NAME } from "../io/temporary-file-name.js";
import { notRegularFile } from "./not-regular-file.js";
import { readRegularFile } from "./read-regular-file.js";

/** One file of the commit: where it is on disk and where it goes in the repository. */
export interface UploadFile {
  /** Path in the repository, `/`-separated (e.g. `int8/model.safetensors`). */
  pathInRepo: string;
  /** Where it is on disk; for a generated file, where it would be. */
  localPath: string;
  size: number;
  /** The bytes of a file made for this push (a generated card or curves) rather than read from disk. */
  content?: Buffer;
  /** For a file read from disk: what was found at planning, which the file opened for sending must still be. */
  source?: PlannedSource;
}

/** A file as planning found it: the push opens `realPath` and sends it only while it is still this file. */
export interface PlannedSource {
  /** The file itself, symlinks resolved. */
  realPath: string;
  /** `localPath` was a symlink (leading to `realPath`) at planning. */
  viaLink: boolean;
  identity: FileIdentity;
  /** Every folder above `realPath`, outermost first, as found at planning (none of them a symlink). */
  parents: FolderIdentity[];
}

/** What tells a file apart from the one swapped in for it, or from itself rewritten. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface FolderIdentity {
  path: string;
  dev: number;
  ino: number;
}

/** A path of the folder that is not sent, and why. */
export interface LeftOutPath {
  /** Path in the repository it would have had; a folder ends with `/`. */
  path: string;
  reason: string;
}

/** A symbolic link whose target lies outside the folder: sent only with `followSymlinks`. */
export interface OutsideLink {
  /** Path in the repository it would have had; a folder ends with `/`. */
  path: string;
  /** Where it leads, symlinks resolved. */
  target: string;
}

/** A path that should be sent but cannot be read. */
export interface UnreadablePath {
  /** Where it is on disk. */
  localPath: string;
  reason: string;
}

export interface UploadPlan {
  /** The card, uploaded as README.md; null when a directory has none. */
  card: UploadFile | null;
  /** Every file of the commit, README.md first, then by path. */
  files: UploadFile[];
  /** Entries of the directory left out on purpose (checkpoints, optimizer state, unknown files), by path. */
  skipped: LeftOutPath[];
  /** Links that lead out of the folder; not in `files` unless `followSymlinks` was given. */
  outsideLinks: OutsideLink[];
  /** Files or folders to send that cannot be read: a push must stop. */
  unreadable: UnreadablePath[];
  totalBytes: number;
}

export interface PlanUploadParams {
  /** A training output directory, or a card file. */
  path: string;
  /** Only the card, nothing else. */
  cardOnly?: boolean;
  /** Send files whose symlinks lead out of the folder (a Hugging Face cache snapshot links into `blobs/`). */
  followSymlinks?: boolean;
  /**
   * Send exactly the files matching one of these globs (as `upload_folder`'s `allow_patterns`), instead of the
   * run's model files. A pattern without `/` matches a file name at any depth; one ending with `/` a whole folder.
   */
  include?: readonly string[];
  /** Leave out the files matching one of these globs (as `upload_folder`'s `ignore_patterns`); never the card. */
  exclude?: readonly string[];
  /**
   * The card is given by the caller (e.g. generated from the run): the folder's README.md is not looked at, and
   * the card is left for the caller to add.
   */
  card?: boolean;
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
/** Never sent, whatever the patterns say: git's own data, huggingface_hub's cache, this tool's temporary files. */
const NEVER_SENT_FOLDERS = new Set([".git", ".cache"]);

/** An entry of the folder, symlinks resolved. */
interface Entry {
  name: string;
  localPath: string;
  pathInRepo: string;
  info: Stats;
  /** The entry is a symlink; `info` describes what it leads to. */
  viaLink?: boolean;
  /** Set when the entry is a link leading out of the folder. */
  outsideTarget?: string;
}

/**
 * Lists what `modelcard push` sends, without sending anything: the card (as README.md), the training-curves
 * image(s) beside it and, for a directory, the model files of the run and of its quantized subfolders (`int8/`,
 * `int4/`, or any subfolder whose config.json has a `quantization_config`), or the files `include` names.
 * The scores of `.eval_results/*.yaml` go too. Checkpoints, optimizer and scheduler state, RNG state,
 * training_args.bin and other dot-files stay home; `.git/`,
 * `.cache/` and this tool's temporary files are never sent. A symlink is followed only when its target, resolved,
 * lies inside the folder (or with `followSymlinks`). Throws when the path itself cannot be read; unreadable
 * entries below it are listed in `unreadable`.
 */
export async function planUpload(params: PlanUploadParams): Promise<UploadPlan> {
  const info = await statOrThrow(params.path);
  const isFolder = info.isDirectory();
  const folder = isFolder ? params.path : dirname(params.path);
  const planner = new Planner(await realpath(folder), params);
  let card: UploadFile | null = null;

  if (!isFolder) {
    // The card the user named is theirs to send, wherever it links.
    const viaLink = (await lstat(params.path)).isSymbolicLink();
    const entry = { name: "README.md", localPath: params.path, pathInRepo: "README.md", info };
    card = await planner.cardFile(entry, viaLink);
    if (!params.cardOnly) await planner.collect(folder, "", "curves");
  } else {
    const readme = params.card ? null : await planner.entry(folder, "", "README.md");
    if (readme && planner.admit(readme)) card = await planner.cardFile(readme, readme.viaLink);
    if (!params.cardOnly) await planner.collect(folder, "", params.include?.length ? "include" : "run");
  }

  const { files, skipped, outsideLinks, unreadable } = planner;
  files.sort((a, b) => compare(a.pathInRepo, b.pathInRepo));
  if (card) files.unshift(card);
  skipped.sort((a, b) => compare(a.path, b.path));
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  return { card, files, skipped, outsideLinks, unreadable, totalBytes };
}

class Planner {
  readonly files: UploadFile[] = [];
  readonly skipped: LeftOutPath[] = [];
  readonly outsideLinks: OutsideLink[] = [];
  readonly unreadable: UnreadablePath[] = [];
  private readonly include: ((path: string) => boolean) | null;
  private readonly exclude: ((path: string) => boolean) | null;
  /** Real paths of the folders walked, so that a link loop is walked once. */
  private readonly walked = new Set<string>();
  /** Folders above the planned files, as found at planning. */
  private readonly folders = new Map<string, FolderIdentity>();

  constructor(
    private readonly root: string,
    private readonly params: PlanUploadParams,
  ) {
    this.include = matcher(params.include);
    this.exclude = matcher(params.exclude);
    this.walked.add(root);
  }

  /**
   * Walks `folder`: `run` takes the run's model files and quantized folders, `include` every file matching the
   * patterns at any depth, `curves` only the training-curves images beside a card file.
   */
  async collect(folder: string, prefix: string, mode: "run" | "include" | "curves"): Promise<void> {
    const names = await this.list(folder);
    for (const name of names ?? []) {
      if (!prefix && name === "README.md") continue;
      if (NEVER_SENT_FOLDERS.has(name) || TEMPORARY_FILE_NAME.test(name)) continue;
      // The scores the Hub shows (`.eval_results/*.yaml`) go with the card; other dot-files stay home.
      const scores = !prefix && name === EVAL_RESULTS_FOLDER && mode !== "include";
      if (mode !== "include" && name.startsWith(".") && !scores) continue;
      if (mode === "curves" && !TRAINING_CURVES.test(name) && !scores) continue;
      const entry = await this.entry(folder, prefix, name);
      if (!entry) continue;
      if (scores) {
        if (entry.info.isDirectory() && this.admit(entry, "/")) await this.addScores(entry);
        continue;
      }
      if (entry.info.isDirectory()) {
        const reason = mode === "run" ? await folderReason(entry) : null;
        if (mode === "curves") continue;
        if (reason) this.skip(`${entry.pathInRepo}/`, reason);
        else if (this.admit(entry, "/")) await this.descend(entry, mode === "run" ? "model-files" : "include");
      } else if (!entry.info.isFile()) {
        this.skip(entry.pathInRepo, notRegularFile(entry.info));
      } else if (mode === "include" && !this.include?.(entry.pathInRepo)) {
        this.skip(entry.pathInRepo, "not matched by --include");
      } else if (mode === "run" && !isModelFile(name) && !TRAINING_CURVES.test(name)) {
        this.skip(entry.pathInRepo, fileReason(name));
      } else {
        await this.addFile(entry);
      }
    }
  }

  /** The entry `name` of `folder`, symlinks resolved; null (and noted) when it cannot be resolved. */
  async entry(folder: string, prefix: string, name: string): Promise<Entry | null> {
    const localPath = join(folder, name);
    const pathInRepo = `${prefix}${name}`;
    try {
      const link = await lstat(localPath);
      if (!link.isSymbolicLink()) return { name, localPath, pathInRepo, info: link };
      const target = await realpath(localPath);
      const info = await stat(target);
      const inside = target === this.root || target.startsWith(this.root + sep);
      return { name, localPath, pathInRepo, info, viaLink: true, ...(!inside && { outsideTarget: target }) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ELOOP") this.skip(pathInRepo, "a symlink that leads nowhere");
      else this.unreadable.push({ localPath, reason: describeFileError(error) });
      return null;
    }
  }

  /** False (and noted) when the entry is a link out of the folder and links are not followed, or is excluded. */
  admit(entry: Entry, suffix = ""): boolean {
    if (entry.outsideTarget !== undefined && !this.params.followSymlinks) {
      this.outsideLinks.push({ path: `${entry.pathInRepo}${suffix}`, target: entry.outsideTarget });
      return false;
    }
    return true;
  }

  async checkReadable(localPath: string): Promise<boolean> {
    try {
      await access(localPath, constants.R_OK);
      return true;
    } catch (error) {
      this.unreadable.push({ localPath, reason: describeFileError(error) });
      return false;
    }
  }

  /** The card as a file to send; null (and noted) when it is not a regular file or cannot be read. */
  async cardFile(entry: Entry, viaLink = false): Promise<UploadFile | null> {
    if (!entry.info.isFile()) {
      // A FIFO or a device would block the read (or never end); a folder is no card.
      this.unreadable.push({ localPath: entry.localPath, reason: notRegularFile(entry.info) });
      return null;
    }
    if (!(await this.checkReadable(entry.localPath))) return null;
    const source = await this.source(entry, viaLink);
    return source && { pathInRepo: "README.md", localPath: entry.localPath, size: entry.info.size, source };
  }

  /** Where the file really is and what it is, to be checked again when it is opened and before the commit. */
  private async source(entry: Entry, viaLink: boolean): Promise<PlannedSource | null> {
    try {
      const realPath = await realpath(entry.localPath);
      const parents: FolderIdentity[] = [];
      for (let folder = dirname(realPath); ; folder = dirname(folder)) {
        parents.unshift(await this.folderIdentity(folder));
        if (folder === parse(folder).root) break;
      }
      const { dev, ino, size, mtimeMs } = entry.info;
      return { realPath, viaLink, identity: { dev, ino, size, mtimeMs }, parents };
    } catch (error) {
      this.unreadable.push({ localPath: entry.localPath, reason: describeFileError(error) });
      return null;
    }
  }

  private async folderIdentity(path: string): Promise<FolderIdentity> {
    const known = this.folders.get(path);
    if (known) return known;
    const { dev, ino } = await lstat(path);
    const identity = { path, dev, ino };
    this.folders.set(path, identity);
    return identity;
  }

  private async descend(entry: Entry, mode: "model-files" | "include"): Promise<void> {
    const real = await realpath(entry.localPath);
    if (this.walked.has(real)) return this.skip(`${entry.pathInRepo}/`, "a link to a folder already walked");
    this.walked.add(real);
    if (mode === "include") return this.collect(entry.localPath, `${entry.pathInRepo}/`, "include");
    // A quantized folder: the model files directly inside it, nothing deeper.
    for (const name of (await this.list(entry.localPath)) ?? []) {
      if (name.startsWith(".")) continue;
      const child = await this.entry(entry.localPath, `${entry.pathInRepo}/`, name);
      if (!child) continue;
      if (child.info.isFile() && isModelFile(name)) await this.addFile(child);
      else if (!child.info.isFile() && !child.info.isDirectory())
        this.skip(child.pathInRepo, notRegularFile(child.info));
      else this.skip(`${child.pathInRepo}${child.info.isDirectory() ? "/" : ""}`, fileReason(name));
    }
  }

  /** The `*.yaml` files of `.eval_results/`, nothing deeper. */
  private async addScores(entry: Entry): Promise<void> {
    for (const name of (await this.list(entry.localPath)) ?? []) {
      if (TEMPORARY_FILE_NAME.test(name)) continue;
      const child = await this.entry(entry.localPath, `${entry.pathInRepo}/`, name);
      if (!child) continue;
      if (child.info.isFile() && isEvalResultsFileName(name)) await this.addFile(child);
      else this.skip(`${child.pathInRepo}${child.info.isDirectory() ? "/" : ""}`, "not a score file (*.yaml)");
    }
  }

  private async addFile(entry: Entry): Promise<void> {
    if (this.exclude?.(entry.pathInRepo)) return this.skip(entry.pathInRepo, "matched by --exclude");
    if (!this.admit(entry)) return;
    if (!(await this.checkReadable(entry.localPath))) return;
    const source = await this.source(entry, Boolean(entry.viaLink));
    if (source)
      this.files.push({ pathInRepo: entry.pathInRepo, localPath: entry.localPath, size: entry.info.size, source });
  }

  private async list(folder: string): Promise<string[] | null> {
    try {
      return await readdir(folder);
    } catch (error) {
      this.unreadable.push({ localPath: folder, reason: describeFileError(error) });
      return null;
    }
  }

  private skip(path: string, reason: string): void {
    this.skipped.push({ path, reason });
  }
}

/**
 * upload_folder's patterns: one without `/` matches a file name at any depth (as fnmatch's `*` crosses folders),
 * one ending with `/` everything under that folder.
 */
function matcher(patterns: readonly string[] | undefined): ((path: string) => boolean) | null {
  if (!patterns?.length) return null;
  const names = patterns.filter((pattern) => !pattern.includes("/"));
  const paths = patterns.filter((pattern) => pattern.includes("/"));
  const byName = names.length > 0 ? picomatch(names, { dot: true, basename: true }) : () => false;
  const byPath =
    paths.length > 0
      ? picomatch(
          paths.map((pattern) => (pattern.endsWith("/") ? `${pattern}**` : pattern)),
          { dot: true },
        )
      : () => false;
  return (path) => byName(path) || byPath(path);
}

/** Why a subfolder of a run is not sent, or null for a quantized variant. */
async function folderReason(entry: Entry): Promise<string | null> {
  if (entry.name.startsWith("checkpoint-")) return "a training checkpoint";
  if (QUANTIZED_FOLDERS.has(entry.name) || (await hasQuantizationConfig(entry.localPath))) return null;
  return "not a quantized model folder (no config.json with a quantization_config)";
}

function fileReason(name: string): string {
  return TRAINING_STATE.some((pattern) => pattern.test(name)) ? "training state" : "not a model file";
}

function isModelFile(name: string): boolean {
  return !TRAINING_STATE.some((pattern) => pattern.test(name)) && MODEL_FILES.some((pattern) => pattern.test(name));
}

async function hasQuantizationConfig(folder: string): Promise<boolean> {
  try {
    // A config.json that is a FIFO is not waited on: it is no model folder's config.
    const bytes = await readRegularFile(join(folder, "config.json"));
    if (!bytes) return false;
    const config: unknown = JSON.parse(bytes.toString("utf8"));
    const quantization = (config as { quantization_config?: unknown } | null)?.quantization_config;
    return typeof quantization === "object" && quantization !== null;
  } catch {
    // No config.json, or one that is not JSON: not a model folder we know how to publish.
    return false;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function statOrThrow(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file or folder" : describeFileError(error);
    throw new Error(`${path}: ${reason}; give a training output folder or a card file (README.md).`, { cause: error });
  }
}
