import { opendir, stat } from "node:fs/promises";
import { join } from "node:path";

/** A file to lint; `explicit` when the user named it, false when found in a folder. */
export interface CardFile {
  path: string;
  explicit: boolean;
}

const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);

async function* walk(folder: string): AsyncGenerator<CardFile> {
  const entries: { name: string; folder: boolean }[] = [];
  for await (const entry of await opendir(folder, { bufferSize: 128 })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith("."))
        entries.push({ name: entry.name, folder: true });
    } else if (entry.name.toLowerCase().endsWith(".md")) {
      entries.push({ name: entry.name, folder: false });
    }
  }
  // Sorted, so that runs list files in the same order on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.folder) yield* walk(path);
    else yield { path, explicit: false };
  }
}

/**
 * The card files named by `paths`, one at a time: files as given, folders walked for `*.md` files (README.md
 * included; node_modules, .git and hidden folders skipped). A path that does not exist is yielded as is, so
 * that the linter reports it and goes on. Only one folder listing is held at a time.
 */
export async function* collectCardFiles(paths: readonly string[]): AsyncGenerator<CardFile> {
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) yield* walk(path);
    else yield { path, explicit: true };
  }
}
