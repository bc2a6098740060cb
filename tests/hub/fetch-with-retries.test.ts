import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { fetchWithRetries, HubConnectionError, type RetryNotice } from "../../src/hub/index.js";

/** A fetch that answers from a script, one entry per call: a status (with headers) or a thrown error. */
function scripted(script: ({ status: number; headers?: Record<string, string> } | Error)[]) {
  const calls: RequestInit[] = [];
  const fetchImpl: typeof fetch = async (_input, init) => {
    calls.push(init ?? {});
    const next = script.shift();
    if (!next) throw new Error("unexpected call");
    if (next instanceof Error) throw next;
    return new Response(`status ${next.status}`, { status: next.status, headers: next.headers ?? {} });
  };
  return { fetchImpl, calls };
}

function socketError(code: string): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(`socket ${code}`), { code }) });
}

function retrying(fetchImpl: typeof fetch, maxRetries = 3) {
  const sleeps: number[] = [];
  const notices: RetryNotice[] = [];
  const wrapped = fetchWithRetries(fetchImpl, {
    maxRetries,
    baseDelayMs: 100,
    maxDelayMs: 10_000,
    sleep: async (ms) => void sleeps.push(ms),
    onRetry: (notice) => notices.push(notice),
  });
  return { wrapped, sleeps, notices };
}

describe("fetchWithRetries", () => {
  it("retries 5xx of a request safe to repeat with doubling delays and returns the first good answer", async () => {
    const { fetchImpl, calls } = scripted([{ status: 502 }, { status: 500 }, { status: 200 }]);
    const { wrapped, sleeps, notices } = retrying(fetchImpl);
    const response = await wrapped("https://hub.test/api/x?secret=1", { method: "PUT", body: "same body" });
    expect(response.status).toBe(200);
    expect(sleeps).toEqual([100, 200]);
    expect(calls.map((call) => call.body)).toEqual(["same body", "same body", "same body"]);
    expect(notices[0]).toEqual({ request: "PUT /api/x", reason: "502", attempt: 1, delayMs: 100 });
  });

  it("never repeats a request that is not safe to repeat after a 5xx or a dropped connection, only after a 429", async () => {
    const { fetchImpl, calls } = scripted([{ status: 429, headers: { "Retry-After": "0" } }, { status: 500 }]);
    const { wrapped } = retrying(fetchImpl);
    expect((await wrapped("https://hub.test/api/commit", { method: "POST", body: "x" })).status).toBe(500);
    expect(calls).toHaveLength(2);
    const dropped = scripted([socketError("ECONNRESET")]);
    const error = await retrying(dropped.fetchImpl)
      .wrapped("https://hub.test/api/commit", { method: "POST" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "HUB_CONNECTION", systemCode: "ECONNRESET", failure: "dropped", outcomeUnknown: true });
    const allowed = scripted([{ status: 503 }, { status: 200 }]);
    const wrappedAllowed = fetchWithRetries(allowed.fetchImpl, {
      sleep: async () => undefined,
      isSafeToRetry: (method, url) => method === "POST" && url.pathname === "/api/validate-yaml",
    });
    expect((await wrappedAllowed("https://hub.test/api/validate-yaml", { method: "POST" })).status).toBe(200);
  });

  it("does not retry a request that timed out, and says it timed out", async () => {
    const { fetchImpl, calls } = scripted([socketError("UND_ERR_HEADERS_TIMEOUT")]);
    const error = await retrying(fetchImpl)
      .wrapped("https://hub.test/api/whoami-v2")
      .catch((caught: unknown) => caught);
    expect(calls).toHaveLength(1);
    expect(error).toMatchObject({ failure: "timeout", outcomeUnknown: true });
    expect((error as Error).message).toBe(
      "https://hub.test stopped answering (no byte moved for the timeout, UND_ERR_HEADERS_TIMEOUT) during GET /api/whoami-v2",
    );
  });

  it("honours Retry-After in seconds and as an HTTP date, capped at maxDelayMs", async () => {
    const inFiveSeconds = new Date(Date.now() + 5_000).toUTCString();
    const { fetchImpl } = scripted([
      { status: 429, headers: { "Retry-After": "3" } },
      { status: 429, headers: { "Retry-After": inFiveSeconds } },
      { status: 429, headers: { "Retry-After": "3600" } },
      { status: 200 },
    ]);
    const { wrapped, sleeps } = retrying(fetchImpl);
    expect((await wrapped("https://hub.test/a")).status).toBe(200);
    expect(sleeps[0]).toBe(3_000);
    expect(sleeps[1]).toBeGreaterThan(3_000);
    expect(sleeps[1]).toBeLessThanOrEqual(5_000);
    expect(sleeps[2]).toBe(10_000);
  });

  it("hands back the last 5xx answer once the retries are spent, and never retries a 4xx", async () => {
    const { fetchImpl } = scripted([{ status: 503 }, { status: 503 }]);
    const { wrapped } = retrying(fetchImpl, 1);
    expect((await wrapped("https://hub.test/a")).status).toBe(503);
    const once = scripted([{ status: 404 }]);
    const { wrapped: wrappedOnce, sleeps } = retrying(once.fetchImpl);
    expect((await wrappedOnce("https://hub.test/a")).status).toBe(404);
    expect(sleeps).toEqual([]);
  });

  it("retries a dropped connection, then reports it as dropped", async () => {
    const { fetchImpl } = scripted([socketError("ECONNRESET"), socketError("UND_ERR_SOCKET"), { status: 200 }]);
    expect((await retrying(fetchImpl).wrapped("https://hub.test/a")).status).toBe(200);
    const failing = scripted([socketError("ECONNRESET"), socketError("ECONNRESET")]);
    const error = await retrying(failing.fetchImpl, 1)
      .wrapped("https://hub.test/api/models/a/b/preupload/main", { method: "PUT" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubConnectionError);
    expect(error).toMatchObject({
      origin: "https://hub.test",
      request: "PUT /api/models/a/b/preupload/main",
      code: "HUB_CONNECTION", systemCode: "ECONNRESET",
      failure: "dropped",
    });
  });

  it("does not retry a request whose body is a stream", async () => {
    const { fetchImpl, calls } = scripted([{ status: 500 }]);
    const body = new Blob(["x"]).stream();
    expect((await retrying(fetchImpl).wrapped("https://hub.test/a", { method: "PUT", body })).status).toBe(500);
    expect(calls).toHaveLength(1);
  });

  it("fails at once, without retrying, when nothing listens at the endpoint", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const { wrapped, sleeps } = retrying(fetch);
    const error = await wrapped(`http://127.0.0.1:${port}/api/whoami-v2`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubConnectionError);
    expect(error).toMatchObject({ code: "HUB_CONNECTION", systemCode: "ECONNREFUSED", failure: "unreachable", outcomeUnknown: false });
    expect((error as Error).message).toBe(
      `cannot connect to http://127.0.0.1:${port} (ECONNREFUSED) for GET /api/whoami-v2`,
    );
    expect(sleeps).toEqual([]);
  });

  it("lets other failures through untouched", async () => {
    const failure = new Error("disk read failed");
    const { fetchImpl } = scripted([failure]);
    await expect(retrying(fetchImpl).wrapped("https://hub.test/a")).rejects.toBe(failure);
  });
});
