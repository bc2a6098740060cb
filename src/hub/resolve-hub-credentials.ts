import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { HUB_URL } from "@huggingface/hub";

/** Where the token came from, for messages (the token itself is never printed). */
export type TokenSource = "flag" | "HF_TOKEN" | "token-file" | "none";

export interface HubCredentials {
  accessToken: string | undefined;
  tokenSource: TokenSource;
  /** The token file that was looked at (read or missing), for the "no token" hint. */
  tokenFile: string;
  /** Hub URL without a trailing slash. */
  hubUrl: string;
}

export interface ResolveHubCredentialsParams {
  /** `--token`: wins over everything else. */
  token?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** Defaults to the user's home folder; tests point it elsewhere. */
  homeDir?: string;
}

/**
 * Finds the token and endpoint the way huggingface_hub does: `--token`, then `HF_TOKEN`, then the token file
 * (`HF_TOKEN_PATH`, else `$HF_HOME/token`, `HF_HOME` defaulting to `$XDG_CACHE_HOME/huggingface` or
 * `~/.cache/huggingface`); `HF_ENDPOINT` overrides https://huggingface.co.
 */
export function resolveHubCredentials(params: ResolveHubCredentialsParams): HubCredentials {
  const { env } = params;
  const hfHome =
    nonEmpty(env.HF_HOME) ??
    join(nonEmpty(env.XDG_CACHE_HOME) ?? join(params.homeDir ?? homedir(), ".cache"), "huggingface");
  const tokenFile = nonEmpty(env.HF_TOKEN_PATH) ?? join(hfHome, "token");
  const hubUrl = (nonEmpty(env.HF_ENDPOINT) ?? HUB_URL).replace(/\/+$/, "");
  const flagToken = nonEmpty(params.token);
  if (flagToken) return { accessToken: flagToken, tokenSource: "flag", tokenFile, hubUrl };
  const envToken = nonEmpty(env.HF_TOKEN);
  if (envToken) return { accessToken: envToken, tokenSource: "HF_TOKEN", tokenFile, hubUrl };
  const fileToken = readTokenFile(tokenFile);
  if (fileToken) return { accessToken: fileToken, tokenSource: "token-file", tokenFile, hubUrl };
  return { accessToken: undefined, tokenSource: "none", tokenFile, hubUrl };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function readTokenFile(path: string): string | undefined {
  try {
    return nonEmpty(readFileSync(path, "utf8"));
  } catch {
    // A missing or unreadable token file means "not logged in", as in huggingface_hub.
    return undefined;
  }
}
