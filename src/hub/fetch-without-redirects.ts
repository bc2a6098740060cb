import { describeRequest, HubAnswerError } from "./hub-answer-error.js";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps `fetchImpl` so that a request to the Hub (`hubUrl`'s origin) that changes state (any method but GET, HEAD
 * and OPTIONS: pre-upload, LFS negotiation, commit, repository and branch creation) never follows a redirect: the
 * user's files and token go only where the request was addressed. A redirect answer throws a HubAnswerError naming
 * where it led. Reads follow redirects as fetch does (it drops the Authorization header on another origin), and so
 * do LFS uploads to the storage the Hub itself named in its LFS answer.
 */
export function fetchWithoutRedirects(fetchImpl: typeof fetch, hubUrl: string): typeof fetch {
  const hub = new URL(hubUrl).origin;
  return async (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (READS.has(method) || url.origin !== hub) return fetchImpl(input, init);
    const response = await fetchImpl(input, { ...init, redirect: "manual" });
    if (response.status < 300 || response.status > 399) return response;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get("Location");
    let where = "an address it did not give";
    if (location) {
      const target = new URL(location, url);
      where = target.origin === url.origin ? `${target.pathname} on the same host` : `another host, ${target.origin}`;
    }
    throw new HubAnswerError(
      describeRequest(method, url),
      response.status,
      `the Hub answered ${response.status} to ${describeRequest(method, url)}, redirecting it to ${where}; a request that changes the repository is never sent anywhere else than where it was addressed, so it was not sent there`,
    );
  };
}
