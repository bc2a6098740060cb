import { Agent, fetch as undiciFetch } from "undici";

export interface HubTimeouts {
  /** Longest wait for a connection to open. Default 10 s (capped by `idleMs`). */
  connectMs?: number;
  /**
   * Longest time with no byte moving: while a request body is read to be sent (a slow upload that still moves is
   * never cut), while the answer is awaited, and between two chunks of the answer. Default 120 s.
   */
  idleMs?: number;
}

type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;

/** The code of the network error a request fails with when no byte moved for the idle timeout. */
export const IDLE_TIMEOUT_CODE = "IDLE_TIMEOUT";

/**
 * A fetch whose every request has a connect timeout (undici's `connect.timeout`: UND_ERR_CONNECT_TIMEOUT) and an
 * idle timeout: a watchdog restarted by each chunk of the request body handed to the connection and stopped by the
 * answer's headers (IDLE_TIMEOUT), then undici's `bodyTimeout` between chunks of the answer (UND_ERR_BODY_TIMEOUT).
 * Failures look like undici's: `TypeError: fetch failed` whose `cause` carries the code.
 */
export function fetchWithTimeouts(timeouts: HubTimeouts = {}): typeof fetch {
  const idleMs = timeouts.idleMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const connectMs = Math.min(timeouts.connectMs ?? DEFAULT_CONNECT_TIMEOUT_MS, idleMs);
  // undici's headersTimeout is only refreshed when a write fills the socket: a slow upload could be cut. Ours is not.
  const dispatcher = new Agent({ connect: { timeout: connectMs }, headersTimeout: 0, bodyTimeout: idleMs });
  return (async (input: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
    const watchdog = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => watchdog.abort(), idleMs);
    };
    const signal = init.signal ? AbortSignal.any([init.signal, watchdog.signal]) : watchdog.signal;
    const body =
      init.body instanceof ReadableStream
        ? init.body.pipeThrough(
            new TransformStream({
              transform(chunk, controller) {
                restart();
                controller.enqueue(chunk);
              },
            }),
          )
        : init.body;
    restart();
    try {
      const request: UndiciInit = { ...(init as UndiciInit), body: body as UndiciInit["body"], signal, dispatcher };
      return (await undiciFetch(input as Parameters<typeof undiciFetch>[0], request)) as unknown as Response;
    } catch (error) {
      if (!watchdog.signal.aborted || init.signal?.aborted) throw error;
      const cause = Object.assign(new Error(`no byte moved for ${idleMs / 1000} s`), { code: IDLE_TIMEOUT_CODE });
      throw new TypeError("fetch failed", { cause });
    } finally {
      clearTimeout(timer);
    }
  }) as typeof fetch;
}
