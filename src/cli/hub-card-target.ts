import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { readRepoId } from "../card/index.js";
import type { HubCardReading } from "../hub/read-card-from-hub.js";
import { UsageError } from "./exit-codes.js";
import type { CliIo } from "./io.js";

const HF_SCHEME = "hf://";
/** A name ending like a file (`card.md`, `notes.txt`); `Qwen2.5-7B` or `Llama-3.1-8B` do not. */
const FILE_EXTENSION = /\.[A-Za-z]{1,5}$/;

export interface HubTargetOptions {
  cwd: string;
  /** Also take a bare `owner/name` when no such local path exists and it has no file extension. */
  allowBareId: boolean;
}

export interface HubTarget {
  repo: string;
  /** Given as a bare id: the user is told it is read from the Hub. */
  bare: boolean;
}

/** The model repository an argument names (`hf://owner/name`, or a bare id), or null for a local path. */
export function hubTarget(argument: string, options: HubTargetOptions): HubTarget | null {
  if (argument.startsWith(HF_SCHEME)) {
    const repo = argument.slice(HF_SCHEME.length).replace(/\/+$/, "");
    const id = readRepoId(repo);
    if (id.kind !== "hub-id" || id.owner === null) {
      throw new UsageError(
        `${argument}: expected hf://OWNER/NAME, a model repository (e.g. hf://HuggingFaceTB/SmolLM3-3B)`,
      );
    }
    return { repo, bare: false };
  }
  if (!options.allowBareId || argument === "-" || FILE_EXTENSION.test(argument)) return null;
  const id = readRepoId(argument);
  if (id.kind !== "hub-id" || id.owner === null || existsSync(resolve(options.cwd, argument))) return null;
  return { repo: argument, bare: true };
}

/** `--offline`, or HF_HUB_OFFLINE set to a true value the way huggingface_hub reads it (1, ON, YES, TRUE). */
export function isOffline(io: Pick<CliIo, "env">, flag: boolean | undefined): boolean {
  return Boolean(flag) || ["1", "ON", "YES", "TRUE"].includes((io.env.HF_HUB_OFFLINE ?? "").trim().toUpperCase());
}

export interface HubReadFlags {
  revision?: string;
  offline?: boolean;
}

/** Reads the card of `target` with the token and endpoint of the environment; a bare id is announced on stderr. */
export async function readHubCard(target: HubTarget, flags: HubReadFlags, io: CliIo): Promise<HubCardReading> {
  const offline = isOffline(io, flags.offline);
  if (target.bare && !offline) io.stderr(`reading hf://${target.repo} from the Hub\n`);
  // The Hub client loads only when a card is read from the Hub.
  const { readCardFromHub } = await import("../hub/read-card-from-hub.js");
  const { resolveHubCredentials } = await import("../hub/resolve-hub-credentials.js");
  const credentials = resolveHubCredentials({ env: io.env });
  return readCardFromHub({
    repo: target.repo,
    revision: flags.revision,
    offline,
    hubUrl: credentials.hubUrl,
    // Empty rather than undefined: the environment given to the command is the only one consulted.
    accessToken: credentials.accessToken ?? "",
  });
}
