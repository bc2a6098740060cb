import { existsSync } from "node:fs";
import { isAbsolute } from "node:path";

/**
 * True when `value` reads as a Hub repository id (`owner/name`) and not as a local path: trainers write the
 * folder they loaded from (`/home/me/ckpt`, `./out`), which must never be published as `base_model`.
 */
export function isHubRepoId(value: string): boolean {
  if (isAbsolute(value) || /^[.~]/.test(value) || value.includes("\\")) return false;
  if (!/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(value) || value.includes("..")) return false;
  return !existsSync(value);
}
