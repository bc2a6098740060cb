import type { Stats } from "node:fs";

/** Why a file opened as a card is not one to read (a FIFO, a socket, a device, a folder), or null for a file. */
export function notARegularFile(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return "a folder, not a file (EISDIR)";
  const kind = stats.isFIFO()
    ? "a named pipe (FIFO)"
    : stats.isSocket()
      ? "a socket"
      : stats.isCharacterDevice()
        ? "a character device"
        : stats.isBlockDevice()
          ? "a block device"
          : "a special file";
  return `not a regular file: ${kind}`;
}
