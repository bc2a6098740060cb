import { IDLE_TIMEOUT_CODE } from "./fetch-with-timeouts.js";
import { HubConnectionError } from "./hub-connection-error.js";

export interface RetryOptions {
  /** Attempts after the first one. Default 5. */
  maxRetries?: number;
  /** Delay before the first retry; it doubles on each retry. Default 1,000 ms. */
  baseDelayMs?: number;
  /** Longest wait between two attempts, Retry-After included. Default 60,000 ms. */
  maxDelayMs?: number;
  /** How to wait; tests pass one that records the delay and resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry, e.g. to tell the user why the push pauses. */
  onRetry?: (retry: RetryNotice) => void;
  /**
   * Whether a request may be sent again after a dropped connection or a 5xx answer (which leave its outcome unknown).
   * Default: GET, HEAD, OPTIONS and PUT. A 429 (the request was refused, not run) is retried whatever this says.
   */
  isSafeToRetry?: (method: string, url: URL) => boolean;
}

export interface RetryNotice {
  /** `METHOD /path` of the request being retried (no query string, no header). */
  request: string;
  /** The HTTP status that caused the retry, or the network error code. */
  reason: string;
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
}

/** Network failures after which the same request may succeed: the peer dropped an open connection. */
const DROPPED_CODES = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "FETCH_FAILED"]);
/** No byte moved for the idle timeout: the server is stalled, and waiting again would multiply the wait. */
export const TIMEOUT_CODES = new Set([IDLE_TIMEOUT_CODE, "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
/** Network failures where no connection could be made: retrying would only delay the error. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT"]);

/**
 * Wraps `fetchImpl` so that 429 answers (honouring Retry-After), and for requests safe to repeat 5xx answers and
 * dropped connections, are retried with exponential backoff; @huggingface/hub retries none of its requests itself.
 * A request without an answer (dropped, refused, timed out) becomes a HubConnectionError; a last 429/5xx answer is
 * returned as is, for the library to turn into its own error. A timed-out request is not retried.
 */
export function fetchWithRetries(fetchImpl: typeof fetch, options: RetryOptions = {}): typeof fetch {
  const maxRetries = options.maxRetries ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const request = `${method} ${url.pathname}`;
    // A stream body is consumed by the first attempt and cannot be sent again; Blob and string bodies can.
    const canResend = !(init?.body instanceof ReadableStream);
    const safe = canResend && (options.isSafeToRetry ?? ((verb) => IDEMPOTENT_METHODS.has(verb)))(method, url);
    for (let attempt = 0; ; attempt++) {
      const backoff = Math.min(baseDelayMs * 2 ** attempt, maxDelayMs);
      let response: Response;
      try {
        response = await fetchImpl(input, init);
      } catch (error) {
        const code = networkErrorCode(error);
        // Anything else (an abort, a file that cannot be read) is not the network's fault: let it through.
        const known =
          code !== undefined && (DROPPED_CODES.has(code) || UNREACHABLE_CODES.has(code) || TIMEOUT_CODES.has(code));
        if (!known || init?.signal?.aborted) throw error;
        const kind = DROPPED_CODES.has(code) ? "dropped" : TIMEOUT_CODES.has(code) ? "timeout" : "unreachable";
        if (kind !== "dropped" || !safe || attempt >= maxRetries) {
          throw new HubConnectionError(url.origin, request, code, kind, { cause: error });
        }
        options.onRetry?.({ request, reason: code, attempt: attempt + 1, delayMs: backoff });
        await sleep(backoff);
        continue;
      }
      const retryable = response.status === 429 ? canResend : safe && response.status >= 500 && response.status <= 599;
      if (!retryable || attempt >= maxRetries) return response;
      const delayMs = Math.min(retryAfterMs(response.headers.get("Retry-After")) ?? backoff, maxDelayMs);
      // Free the connection before waiting; the body of a 429/5xx answer is not needed.
      await response.body?.cancel().catch(() => undefined);
      options.onRetry?.({ request, reason: String(response.status), attempt: attempt + 1, delayMs });
      await sleep(delayMs);
    }
  };
}

/** Retry-After is either a number of seconds or an HTTP date (RFC 9110, 10.2.3). */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** undici reports network failures as `TypeError: fetch failed` with the system error as `cause`. */
export function networkErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name === "AbortError") return undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return error instanceof TypeError && error.message === "fetch failed" ? "FETCH_FAILED" : undefined;
}
