import { execFileSync } from "node:child_process";
import { basename, dirname } from "node:path";

/**
 * The file's text at git's HEAD, or null when it is not in a git repository, not committed, or git is missing.
 * Bounded by a timeout: a lint run never waits on git for long.
 */
export function readCommittedText(path: string): string | null {
  try {
    return execFileSync("git", ["show", `HEAD:./${basename(path)}`], {
      cwd: dirname(path),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 5000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch {
    return null;
  }
}
