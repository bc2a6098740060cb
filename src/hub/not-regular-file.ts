import type { Stats } from "node:fs";

/** "not a regular file (a FIFO)": what a path that cannot be sent is instead. */
export function notRegularFile(
  info: Pick<Stats, "isFIFO" | "isSocket" | "isCharacterDevice" | "isBlockDevice" | "isDirectory">,
): string {
  const kind = info.isFIFO()
    ? "a FIFO"
    : info.isSocket()
      ? "a socket"
      : info.isCharacterDevice() || info.isBlockDevice()
        ? "a device"
        : info.isDirectory()
          ? "a folder"
          : "neither file nor folder";
  return `not a regular file (${kind})`;
}
