/**
 * What a `base_model`, `datasets` or `new_version` value is: a Hub repo id (`owner/name`, or a legacy
 * single name such as `gpt2`), a local path (trainers leak `/home/...`, `./out`, `C:\...`), a huggingface.co URL
 * (with the id it names), or something else. The linter and the generator decide with this one reading.
 */
export type RepoIdReading =
  | { kind: "hub-id"; owner: string | null; name: string }
  | { kind: "local-path" }
  | { kind: "url"; id: string }
  | { kind: "invalid" };

const HUB_ID = /^([A-Za-z0-9][\w.-]*)(?:\/([A-Za-z0-9][\w.-]*))?$/;
const HUB_URL = /^https?:\/\/(?:www\.)?huggingface\.co\/(?:datasets\/)?([\w.-]+\/[\w.-]+)\/?$/;
const LOCAL_PATH = /^(?:\/|\.{1,2}(?:\/|\\|$)|~|[A-Za-z]:[\\/]|\\\\)|\\/;

export function readRepoId(value: string): RepoIdReading {
  if (LOCAL_PATH.test(value)) return { kind: "local-path" };
  const url = HUB_URL.exec(value);
  if (url) return { kind: "url", id: url[1] ?? "" };
  const id = HUB_ID.exec(value);
  // huggingface_hub's validate_repo_id: no `--` or `..`, no `.git` ending, a name of at most 96 characters.
  const name = id?.[2] ?? id?.[1] ?? "";
  if (!id || value.includes("..") || value.includes("--") || value.endsWith(".git") || name.length > 96)
    return { kind: "invalid" };
  return id[2] === undefined
    ? { kind: "hub-id", owner: null, name: id[1] ?? "" }
    : { kind: "hub-id", owner: id[1] ?? "", name: id[2] };
}
