import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { FileAccessError } from "../errors/file-access-error.js";
import { cardReadError } from "./card-read-error.js";
import { notARegularFile } from "./not-a-regular-file.js";

/** Opening a FIFO for reading waits for a writer; non-blocking, it returns at once and `fstat` tells what it is. */
export const OPEN_CARD_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a card file. It is opened without waiting and checked with `fstat` before any read: a FIFO, a
 * socket, a device or a folder is "not a regular file" (a FileAccessError naming `name`), never waited on.
 */
export async function readCardFile(path: string, name = path): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, OPEN_CARD_FLAGS);
  } catch (error) {
    throw cardReadError(path, name, error);
  }
  try {
    const reason = notARegularFile(await handle.stat());
    if (reason) throw cardReadError(path, name, undefined, reason);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    throw cardReadError(path, name, error);
  } finally {
    await handle.close();
  }
}
