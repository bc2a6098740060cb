import { rmSync } from "node:fs";
import { onExit } from "signal-exit";

/**
 * Removes `path` (a temporary file or folder) if the process ends before the returned function is called: on
 * SIGINT, SIGTERM, SIGHUP or a normal exit. Only SIGKILL escapes, hence the dot-named temporary names.
 */
export function removeOnExit(path: string): () => void {
  return onExit(() => {
    rmSync(path, { recursive: true, force: true });
  });
}
