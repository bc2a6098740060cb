import {
  fetchWithTimeouts,
  hubCardName,
  listAuthorModels,
  readCardFromHub,
  resolveHubCredentials,
} from "../hub/index.js";
import type { FileResult, LintConfig } from "../lint/index.js";
import type { CliIo } from "./io.js";

type LintModule = typeof import("../lint/index.js");

export interface LintHubCardsParams {
  /** Model repositories named on the command line (`hf://owner/name`). */
  repos: string[];
  /** `--author`: every model of this user or organization, after `repos`. */
  author?: string | undefined;
  limit?: number | undefined;
  revision?: string | undefined;
  /** Cards read at the same time. */
  concurrency: number;
  config: LintConfig;
  lint: LintModule;
  io: CliIo;
  /** Each card's result, in the order of the list, with the name to show and its text. */
  onResult: (result: FileResult, name: string, text: string | undefined) => void;
}

/**
 * Lints cards on the Hub: the repositories named, then an author's models as the Hub lists them, read a few at a
 * time; each is reported like a file (`hf://owner/name@rev/README.md`), and one that cannot be read is reported as
 * unreadable while the others go on. Progress on stderr.
 */
export async function lintHubCards(params: LintHubCardsParams): Promise<void> {
  const { io, lint } = params;
  const credentials = resolveHubCredentials({ env: io.env });
  // One connection pool for the whole run, with the timeouts of every Hub request.
  const connection = {
    hubUrl: credentials.hubUrl,
    accessToken: credentials.accessToken ?? "",
    fetch: fetchWithTimeouts(),
  };
  const repos = [...params.repos];
  if (params.author !== undefined) {
    io.stderr(`listing the models of ${params.author} on ${credentials.hubUrl}\n`);
    const listed = await listAuthorModels({ author: params.author, limit: params.limit, ...connection });
    if (listed.length === 0) io.stderr(`${params.author} has no model on ${credentials.hubUrl} that can be seen\n`);
    else {
      const count = `${listed.length} model${listed.length === 1 ? "" : "s"}`;
      io.stderr(`${count}; reading their cards, ${params.concurrency} at a time\n`);
    }
    repos.push(...listed);
  }
  const results: (() => void)[] = [];
  let next = 0;
  let reported = 0;
  let done = 0;
  const report = () => {
    // Results are shown in the order of the list, whatever order the reads finish in.
    while (results[reported]) {
      (results[reported] as () => void)();
      reported++;
    }
  };
  const worker = async () => {
    while (next < repos.length) {
      const index = next++;
      const repo = repos[index] as string;
      const name = hubCardName(repo, params.revision);
      try {
        const reading = await readCardFromHub({ repo, revision: params.revision, ...connection });
        const text = reading.bytes.toString("utf8");
        const result = lint.fileResult(name, lint.lintText(text, { config: params.config }));
        results[index] = () => params.onResult(result, name, text);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results[index] = () => params.onResult(lint.unreadableResult(name, message), name, undefined);
      }
      done++;
      if (params.author !== undefined) io.stderr(`read ${done}/${repos.length}: ${repo}\n`);
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.min(params.concurrency, repos.length) }, worker));
  report();
}
