import { Agent, fetch as undiciFetch } from "undici";

export interface HubTimeouts {
  /** Longest wait for a connection to open. Default 10 s (capped by `idleMs`). */
  connectMs?: number;
  /**
   * Longest time with no byte moving: while a request body is sent (a slow upload that still moves is never cut),
   * while the answer is awaited, and between two chunks of the answer. Default 120 s.
   */
  idleMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;

/**
 * A fetch whose every request has a connect timeout and an idle timeout (undici's `connect.timeout`,
 * `headersTimeout`, refreshed as the body is written, and `bodyTimeout`). A timed-out request fails with the
 * network error codes UND_ERR_CONNECT_TIMEOUT, UND_ERR_HEADERS_TIMEOUT or UND_ERR_BODY_TIMEOUT.
 */
export function fetchWithTimeouts(timeouts: HubTimeouts = {}): typeof fetch {
  const idleMs = timeouts.idleMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const connectMs = Math.min(timeouts.connectMs ?? DEFAULT_CONNECT_TIMEOUT_MS, idleMs);
  const dispatcher = new Agent({ connect: { timeout: connectMs }, headersTimeout: idleMs, bodyTimeout: idleMs });
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as typeof fetch;
}
