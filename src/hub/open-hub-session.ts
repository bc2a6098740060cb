import { fetchWithRetries, type RetryOptions } from "./fetch-with-retries.js";
import { fetchWithTimeouts, type HubTimeouts } from "./fetch-with-timeouts.js";
import { resolveHubCredentials } from "./resolve-hub-credentials.js";

/** How to reach the Hub; what is left out is found the way push finds it. */
export interface HubConnectionParams {
  /** Defaults to `HF_TOKEN`, then the token file under `HF_HOME`. */
  accessToken?: string | undefined;
  /** Defaults to `HF_ENDPOINT`, then https://huggingface.co. */
  hubUrl?: string | undefined;
  /** Replaces the default fetch (which applies `timeouts`). */
  fetch?: typeof fetch;
  /** Connect and idle timeouts of every request (defaults: 10 s and 120 s). */
  timeouts?: HubTimeouts;
  retry?: RetryOptions;
}

export interface HubSession {
  hubUrl: string;
  accessToken: string | undefined;
  /** Timeouts on every request; 429, 5xx and dropped connections of reads retried. */
  fetch: typeof fetch;
  /** The `X-Error-Code` of the last answer that was not 2xx (`RepoNotFound`, `GatedRepo`, ...), which errors drop. */
  lastErrorCode(): string | null;
}

/** The token, endpoint, timeouts and retries of every request to the Hub, as push uses them. */
export function openHubSession(params: HubConnectionParams): HubSession {
  const fromEnvironment = () => resolveHubCredentials({ env: process.env });
  const hubUrl = (params.hubUrl ?? fromEnvironment().hubUrl).replace(/\/+$/, "");
  const accessToken = params.accessToken ?? fromEnvironment().accessToken;
  const base = params.fetch ?? fetchWithTimeouts(params.timeouts);
  let lastErrorCode: string | null = null;
  const recording: typeof fetch = async (input, init) => {
    const response = await base(input, init);
    if (!response.ok) lastErrorCode = response.headers.get("X-Error-Code");
    return response;
  };
  return { hubUrl, accessToken, fetch: fetchWithRetries(recording, params.retry), lastErrorCode: () => lastErrorCode };
}
