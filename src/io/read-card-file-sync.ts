import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { FileAccessError } from "../errors/file-access-error.js";
import { cardReadError } from "./card-read-error.js";
import { notARegularFile } from "./not-a-regular-file.js";
import { OPEN_CARD_FLAGS } from "./read-card-file.js";

/**
 * `readCardFile`, synchronously: one small read per card in a lint run, where waiting on the event loop costs
 * more than the read. A FIFO, socket, device or folder is reported, never waited on.
 */
export function readCardFileSync(path: string, name = path): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_CARD_FLAGS);
  } catch (error) {
    throw cardReadError(path, name, error);
  }
  try {
    const reason = notARegularFile(fstatSync(fd));
    if (reason) throw cardReadError(path, name, undefined, reason);
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof FileAccessError) throw error;
    throw cardReadError(path, name, error);
  } finally {
    closeSync(fd);
  }
}
