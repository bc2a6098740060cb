import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const CLEAN_CARD =
  "---\nlicense: apache-2.0\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n# Model\n";
/** An error (an unknown license) and a fixable warning (a tab between tokens). */
export const BROKEN_CARD =
  "---\n# kept\nlicense: not-a-license\nlibrary_name:\ttransformers\npipeline_tag: text-generation\n---\n# Model\n";
/** Only a fixable warning: `--fix` leaves it clean. */
export const FIXABLE_CARD =
  "---\nlicense: apache-2.0\nlibrary_name:\ttransformers\npipeline_tag: text-generation\n---\n# Model\n";

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" } });
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

/**
 * A git repository as a pull request leaves it: a base commit, then a commit that changes some files on top.
 * Returns the folder and the base commit's hash.
 */
export function pullRequestRepository(base: Record<string, string>, change: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "modelcard-repo-"));
  git(root, "init", "--quiet", "--initial-branch=main");
  for (const [key, value] of [
    ["user.name", "Test"],
    ["user.email", "test@example.com"],
    ["commit.gpgsign", "false"],
  ])
    git(root, "config", key as string, value as string);
  writeFiles(root, base);
  git(root, "add", "-A");
  git(root, "commit", "--quiet", "--allow-empty", "-m", "base");
  const baseSha = git(root, "rev-parse", "HEAD").trim();
  writeFiles(root, change);
  git(root, "add", "-A");
  git(root, "commit", "--quiet", "-m", "change");
  return { root, baseSha };
}
