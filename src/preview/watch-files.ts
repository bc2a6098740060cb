import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";

export interface FileWatch {
  /** Watch these files (absolute paths) instead of the previous ones. */
  update(files: readonly string[]): void;
  close(): void;
}

/**
 * Calls `onChange` once (50 ms after the last event) when any of `files` is written, replaced, created or
 * removed. Each file's folder is watched rather than the file itself: editors save by writing a new file and
 * renaming it over the old one, which ends a watch on the file.
 */
export function watchFiles(files: readonly string[], onChange: () => void, delayMs = 50): FileWatch {
  const watchers = new Map<string, { watcher: FSWatcher; names: Set<string> }>();
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, delayMs);
  };
  const update = (next: readonly string[]) => {
    const wanted = new Map<string, Set<string>>();
    for (const file of next) {
      const folder = dirname(file);
      const names = wanted.get(folder) ?? new Set<string>();
      names.add(basename(file));
      wanted.set(folder, names);
    }
    for (const [folder, entry] of watchers) {
      if (!wanted.has(folder)) {
        entry.watcher.close();
        watchers.delete(folder);
      }
    }
    for (const [folder, names] of wanted) {
      const existing = watchers.get(folder);
      if (existing) {
        existing.names = names;
        continue;
      }
      let watcher: FSWatcher;
      try {
        watcher = watch(folder, (_event, name) => {
          const entry = watchers.get(folder);
          if (entry && (name === null || entry.names.has(String(name)))) changed();
        });
      } catch {
        continue; // A folder that does not exist (an image in a missing folder): nothing there to watch.
      }
      watcher.on("error", () => {
        watcher.close();
        watchers.delete(folder);
      });
      watchers.set(folder, { watcher, names });
    }
  };
  update(files);
  return {
    update,
    close: () => {
      clearTimeout(timer);
      for (const { watcher } of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
