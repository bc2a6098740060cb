import { createTwoFilesPatch } from "diff";
import { CardEditRefusedError, type EvalResultInput, type ModelCard } from "../card/index.js";
import { resolveHubCredentials, updateCardOnHub } from "../hub/index.js";
import { EXIT } from "./exit-codes.js";
import { type HubTarget, isOffline } from "./hub-card-target.js";
import type { CliIo } from "./io.js";

export interface RemoteUpdateFlags {
  assignments: [string, unknown][];
  evalResults: EvalResultInput[];
  unset: string[];
  overwrite: boolean;
  modelName: string | undefined;
  revision?: string;
  createPr?: boolean;
  message?: string;
  dryRun?: boolean;
  offline?: boolean;
}

/**
 * `modelcard update hf://owner/name ...`: the same edit as a local update, made on the card as read at the revision
 * and committed with that commit as parent (or as a pull request); the diff on stdout, the outcome on stderr.
 * Resolves to the exit code.
 */
export async function updateHubCard(target: HubTarget, flags: RemoteUpdateFlags, io: CliIo): Promise<number> {
  const offline = isOffline(io, flags.offline);
  if (target.bare && !offline) io.stderr(`reading hf://${target.repo} from the Hub\n`);
  const credentials = resolveHubCredentials({ env: io.env });
  const edit = (card: ModelCard) => {
    card.update(Object.fromEntries(flags.assignments), { overwrite: flags.overwrite });
    for (const result of flags.evalResults) {
      card.addEvalResult(result, { overwrite: flags.overwrite, modelName: flags.modelName });
    }
    for (const key of flags.unset) card.delete(key);
  };
  let outcome: Awaited<ReturnType<typeof updateCardOnHub>>;
  try {
    outcome = await updateCardOnHub({
      repo: target.repo,
      revision: flags.revision,
      offline,
      hubUrl: credentials.hubUrl,
      accessToken: credentials.accessToken ?? "",
      edit,
      ...(flags.createPr && { createPr: true }),
      ...(flags.dryRun && { dryRun: true }),
      ...(flags.message !== undefined && { commitMessage: flags.message }),
    });
  } catch (error) {
    if (!(error instanceof CardEditRefusedError)) throw error;
    io.stderr(`hf://${target.repo}: ${error.message}; nothing was committed.\n`);
    return EXIT.refused;
  }
  const { name } = outcome.reading;
  if (outcome.status === "unchanged") {
    io.stderr(`${name}: nothing to change; no commit\n`);
    return EXIT.ok;
  }
  io.stdout(createTwoFilesPatch(name, name, outcome.before, outcome.after, undefined, undefined, { context: 3 }));
  if (outcome.status === "planned") {
    io.stderr(`${name}: dry run, nothing was committed (would commit "${outcome.title}")\n`);
    return EXIT.ok;
  }
  const again = outcome.reappliedAfterConflict
    ? ` (the branch had moved: the card was read again at ${outcome.reading.commit.slice(0, 7)} and the edit re-applied)`
    : "";
  if (outcome.pullRequestUrl) {
    io.stderr(`${name}: opened a pull request "${outcome.title}"${again}\npull request: ${outcome.pullRequestUrl}\n`);
  } else {
    io.stderr(`${name}: committed "${outcome.title}"${again}\ncommit: ${outcome.commitUrl}\n`);
  }
  return EXIT.ok;
}
