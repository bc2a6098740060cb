import { constants } from "node:fs";
import { open } from "node:fs/promises";

/**
 * The bytes of `path` if it is a regular file, else null: it is opened non-blocking and checked with `fstat` on the
 * descriptor before any read, so a FIFO, socket or device named like a file is never waited on. Errors of the open
 * itself (missing, unreadable) are thrown.
 */
export async function readRegularFile(path: string): Promise<Buffer | null> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) return null;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
