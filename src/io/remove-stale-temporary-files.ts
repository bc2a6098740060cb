import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { TEMPORARY_FILE_NAME } from "./temporary-file-name.js";

/**
 * Removes the temporary files that a killed run of this tool left in `folder` (their process is gone); those of a
 * run still going are left alone. Returns the names removed.
 */
export async function removeStaleTemporaryFiles(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => []);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMPORARY_FILE_NAME.exec(name)?.[1]);
    if (!pid || isRunning(pid)) continue;
    await rm(join(folder, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
