import { describe, expect, it } from "vitest";
import { fetchWithoutRedirects } from "../../src/hub/fetch-without-redirects.js";

const HUB = "https://hub.example";

/** A fetch that records what it was asked and answers a redirect to `location`. */
function redirecting(location: string, status = 307) {
  const calls: { url: string; redirect: RequestInit["redirect"] }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), redirect: init?.redirect });
    return new Response(null, { status, headers: { Location: location } });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe("fetchWithoutRedirects", () => {
  it("refuses a redirect answering a request that changes the Hub, naming the other host", async () => {
    const { calls, fetchImpl } = redirecting("https://elsewhere.example/steal", 308);
    const error = await fetchWithoutRedirects(fetchImpl, HUB)(`${HUB}/api/models/a/b/commit/main`, {
      method: "POST",
      body: "{}",
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: "HubAnswerError",
      statusCode: 308,
      message:
        "the Hub answered 308 to POST /api/models/a/b/commit/main, redirecting it to another host, https://elsewhere.example; a request that changes the repository is never sent anywhere else than where it was addressed, so it was not sent there",
    });
    expect(calls).toEqual([{ url: `${HUB}/api/models/a/b/commit/main`, redirect: "manual" }]);
  });

  it("refuses a redirect on the same host too, saying where it led", async () => {
    const { fetchImpl } = redirecting("/api/models/a/renamed/preupload/main");
    await expect(
      fetchWithoutRedirects(fetchImpl, HUB)(`${HUB}/api/models/a/b/preupload/main`, { method: "POST" }),
    ).rejects.toThrow("redirecting it to /api/models/a/renamed/preupload/main on the same host");
  });

  it("leaves reads, and uploads to the storage the Hub named, to fetch's own redirect handling", async () => {
    const { calls, fetchImpl } = redirecting("https://elsewhere.example/");
    const wrapped = fetchWithoutRedirects(fetchImpl, HUB);
    expect((await wrapped(`${HUB}/api/whoami-v2`)).status).toBe(307);
    expect((await wrapped("https://storage.example/bucket/oid", { method: "PUT" })).status).toBe(307);
    expect(calls.map((call) => call.redirect)).toEqual([undefined, undefined]);
  });
});
