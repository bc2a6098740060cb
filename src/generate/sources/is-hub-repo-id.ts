import { existsSync } from "node:fs";
import { readRepoId } from "../../card/repo-id.js";

/**
 * True when `value` (a `_name_or_path` or `base_model_name_or_path` from the run) reads as a Hub repository id
 * `owner/name` and is not a folder here: trainers write the folder they loaded from (`/home/me/ckpt`, `./out`,
 * or `models/base` relative to where they ran), which must never be published as `base_model`.
 */
export function isHubRepoId(value: string): boolean {
  const reading = readRepoId(value);
  return reading.kind === "hub-id" && reading.owner !== null && !existsSync(value);
}
