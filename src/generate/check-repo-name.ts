import { readRepoId } from "../card/repo-id.js";
import type { FieldFacts } from "./facts.js";
import { GenerateInputError } from "./generate-input-error.js";

/**
 * `repo-name` ends up in code snippets, links and the citation: it must be a repository id as push takes it,
 * OWNER/NAME. Refused otherwise, naming where the value came from.
 */
export function checkRepoName(fields: FieldFacts): void {
  const repo = fields["repo-name"];
  if (!repo) return;
  const reading = readRepoId(repo.value);
  if (reading.kind === "hub-id" && reading.owner !== null) return;
  const where = repo.from.kind === "flag" ? "" : ` (from ${repo.from.kind} ${repo.from.detail})`;
  throw new GenerateInputError(
    `--repo-name ${JSON.stringify(repo.value)}${where}: not a Hub repository id; expected OWNER/NAME (letters, digits, - _ .), e.g. --repo-name my-user/my-model`,
  );
}
