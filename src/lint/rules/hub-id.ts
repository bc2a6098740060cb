import { formatPath } from "../../card/index.js";
import { readRepoId } from "../../card/repo-id.js";
import type { LintRule } from "../types.js";
import { entriesOf } from "./rule-kit.js";

const KEYS = ["base_model", "datasets", "new_version"] as const;

function problemWith(value: unknown, key: string): string | null {
  const kind = key === "datasets" ? "dataset" : "model";
  if (value === null) return `is null; remove the entry or give a Hub ${kind} id such as owner/name.`;
  if (typeof value !== "string") return `must be a Hub ${kind} id (a string), not ${JSON.stringify(value)}.`;
  const reading = readRepoId(value);
  if (reading.kind === "local-path") {
    return `"${value}" is a local path, which the Hub cannot link; give the Hub ${kind} id (owner/name) it came from.`;
  }
  if (reading.kind === "url") return `"${value}" is a URL; give the Hub ${kind} id "${reading.id}" instead.`;
  if (reading.kind === "invalid") return `"${value}" is not a Hub ${kind} id; use owner/name (letters, digits, - _ .).`;
  return null;
}

export const hubId: LintRule = {
  id: "hub-id",
  description:
    "`base_model`, `datasets` and `new_version` must be Hub repo ids (owner/name), never local paths or null.",
  defaultSeverity: "error",
  fixable: false,
  check({ card }, report) {
    const metadata = card.metadata;
    for (const key of KEYS) {
      if (key !== "datasets" && metadata[key] === null) {
        report({ message: `\`${key}\` is null; remove it or give a Hub model id such as owner/name.`, path: [key] });
        continue;
      }
      for (const { value, path } of entriesOf(metadata, key)) {
        const problem = problemWith(value, key);
        if (problem) report({ message: `\`${formatPath([...path])}\` ${problem}`, path, atValue: true });
      }
    }
  },
};
