import { open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { FileAccessError } from "../errors/file-access-error.js";
import { removeOnExit } from "./remove-on-exit.js";
import { removeStaleTemporaryFiles } from "./remove-stale-temporary-files.js";
import { temporaryFileName } from "./temporary-file-name.js";

/**
 * Writes through a dot-named temporary file in the same folder, flushed to disk, then a rename, so a crash or a
 * full disk never leaves the user's file truncated or half-written. The temporary file is removed on SIGINT and
 * SIGTERM; one left by a SIGKILL is removed by the next write in that folder. The file keeps its mode. A failure is
 * a FileAccessError (`FILE_NOT_WRITTEN`) naming the file.
 */
export async function writeFileAtomically(path: string, content: string | Buffer): Promise<void> {
  await removeStaleTemporaryFiles(dirname(path));
  const temporary = temporaryFileName(path);
  const release = removeOnExit(temporary);
  try {
    const existing = await stat(path).catch(() => null);
    const handle = await open(temporary, "wx", 0o666);
    try {
      await handle.writeFile(content, typeof content === "string" ? "utf8" : undefined);
      // A replaced file keeps its mode; a new one gets the umask's.
      if (existing) await handle.chmod(existing.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const message = `${path}: cannot write the file (${(error as Error).message}); nothing was changed.`;
    throw new FileAccessError("FILE_NOT_WRITTEN", path, message, { cause: error });
  } finally {
    release();
  }
}
