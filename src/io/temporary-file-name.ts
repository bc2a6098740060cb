import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

/**
 * `.README.md.<pid>.<random>.modelcard-tmp`: dot-named, so that after a SIGKILL (when no handler runs) the leftover
 * is hidden, skipped by lint, push and generate, and recognised (with the process that made it) by the next run.
 */
export const TEMPORARY_FILE_NAME = /^\..*\.(\d+)\.[0-9a-f]{8}\.modelcard-tmp$/;

/** A fresh temporary path beside `target`, in the same folder so that the final rename stays atomic. */
export function temporaryFileName(target: string): string {
  const name = `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.modelcard-tmp`;
  return join(dirname(target), name);
}
