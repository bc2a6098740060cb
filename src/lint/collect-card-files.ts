import { opendir, stat } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import picomatch from "picomatch";
import { EVAL_RESULTS_FOLDER, isEvalResultsFileName } from "../eval-results/read-eval-results-folder.js";

/** A file to lint; `explicit` when the user named it, false when found in a folder. */
export interface CardFile {
  path: string;
  explicit: boolean;
  /** Why a folder could not be listed: the file stands for that folder, reported and not linted. */
  unreadable?: string;
}

export interface CollectOptions {
  /** Globs (ESLint's `--ignore-pattern`), relative to `cwd`; a pattern without a slash matches a name at any depth. */
  ignorePatterns?: readonly string[];
  cwd?: string;
}

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "no such folder";
  return (error as Error).message;
}

async function* walk(folder: string, ignored: (path: string) => boolean): AsyncGenerator<CardFile> {
  const entries: { name: string; folder: boolean }[] = [];
  // A model's `.eval_results/` holds the scores the Hub shows: its `*.yaml` files are linted, nothing below.
  const scores = basename(folder) === EVAL_RESULTS_FOLDER;
  try {
    for await (const entry of await opendir(folder, { bufferSize: 128 })) {
      if (entry.isDirectory()) {
        if (
          !scores &&
          !SKIPPED_FOLDERS.has(entry.name) &&
          (!entry.name.startsWith(".") || entry.name === EVAL_RESULTS_FOLDER)
        )
          entries.push({ name: entry.name, folder: true });
      } else if (scores ? isEvalResultsFileName(entry.name) : entry.name.toLowerCase().endsWith(".md")) {
        entries.push({ name: entry.name, folder: false });
      }
    }
  } catch (error) {
    // One folder that cannot be listed is reported; its neighbours are still linted.
    yield { path: folder, explicit: true, unreadable: describeError(error) };
    return;
  }
  // Sorted, so that runs list files in the same order on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (ignored(path)) continue;
    if (entry.folder) yield* walk(path, ignored);
    else yield { path, explicit: false };
  }
}

function ignoreMatcher(options: CollectOptions): (path: string) => boolean {
  const patterns = (options.ignorePatterns ?? []).map((pattern) => pattern.replace(/\/+$/, ""));
  if (patterns.length === 0) return () => false;
  const cwd = options.cwd ?? process.cwd();
  // gitignore's habit: `*.draft.md` or `drafts` match a name at any depth; `models/old/**` a path from cwd.
  const byPath = picomatch(
    patterns.filter((pattern) => pattern.includes("/")),
    { dot: true },
  );
  const byName = picomatch(
    patterns.filter((pattern) => !pattern.includes("/")),
    { dot: true, basename: true },
  );
  return (path) => {
    const below = relative(cwd, path).split(sep).join("/");
    return below !== "" && !below.startsWith("../") && (byPath(below) || byName(below));
  };
}

/**
 * The card files named by `paths`, one at a time: files as given, folders walked for `*.md` files (README.md
 * included; node_modules, .git and hidden folders skipped, and what `ignorePatterns` names) and the scores of
 * `.eval_results/*.yaml`. A path that does
 * not exist is yielded as is, and a folder that cannot be listed with its reason, so that the linter reports
 * them and goes on. Only one folder listing is held at a time.
 */
export async function* collectCardFiles(
  paths: readonly string[],
  options: CollectOptions = {},
): AsyncGenerator<CardFile> {
  const ignored = ignoreMatcher(options);
  for (const path of paths) {
    if (ignored(path)) continue;
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) yield* walk(path, ignored);
    else yield { path, explicit: true };
  }
}
