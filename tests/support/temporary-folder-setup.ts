import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * vitest global setup: every test's temporary folders (os.tmpdir() and child processes alike) go under one
 * folder of this run, removed when the run ends, so the suite leaves nothing behind.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-tests-"));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
