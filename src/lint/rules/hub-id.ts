import { formatPath } from "../../card/index.js";
import { readRepoId } from "../../card/repo-id.js";
import type { KeyPath, LintRule, Severity } from "../types.js";
import { entriesOf, shown } from "./rule-kit.js";

/** The keys holding Hub ids, what they name, and whether the Hub rejects a value that is not an id. */
const KEYS = [
  { key: "base_model", kind: "model", hub: "Use a model id from https://hf.co/models.", severity: "error" },
  {
    key: "datasets",
    kind: "dataset",
    hub: "If possible, use a dataset id from https://hf.co/datasets.",
    severity: "error",
  },
  { key: "new_version", kind: "model", hub: null, severity: "warning" },
] as const satisfies readonly { key: string; kind: string; hub: string | null; severity: Severity }[];

/** What is wrong with one value, in the Hub's own words where they are known, then how to mend it. */
function problemWith(value: unknown, path: KeyPath, { kind, hub }: (typeof KEYS)[number]): string | null {
  const where = `"${formatPath([...path])}"`;
  if (value === null) return `${where} is null; remove the entry or give a Hub ${kind} id such as owner/name.`;
  if (typeof value !== "string") return `${where} must be a Hub ${kind} id (a string), not ${shown(value)}.`;
  if (value === "") return `${where} is not allowed to be empty; give a Hub ${kind} id or remove it.`;
  const reading = readRepoId(value);
  if (reading.kind === "hub-id") return null;
  const said = `${where} with value ${shown(value)} is not valid.${hub ? ` ${hub}` : ""}`;
  if (reading.kind === "local-path")
    return `${said} It is a local path; give the Hub ${kind} id (owner/name) it came from.`;
  if (reading.kind === "url") return `${said} It is a URL; write the id "${reading.id}".`;
  return `${said} A Hub ${kind} id is owner/name (letters, digits, - _ .).`;
}

export const hubId: LintRule = {
  id: "hub-id",
  description:
    "`base_model` and `datasets` must be Hub repo ids (owner/name), never empty, null or local paths (the Hub rejects them); `new_version` should be one.",
  defaultSeverity: "error",
  fixable: false,
  check({ card }, report) {
    const metadata = card.metadata;
    for (const entry of KEYS) {
      for (const { value, path } of entriesOf(metadata, entry.key)) {
        const problem = problemWith(value, path, entry);
        if (!problem) continue;
        // A bare `key:` (null) is dropped before the Hub checks it; a null inside a list is rejected.
        const severity = value === null && path.length === 1 ? "warning" : entry.severity;
        report({ message: problem, path, atValue: true, severity });
      }
    }
  },
};
