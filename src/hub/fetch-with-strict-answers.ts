import { describeRequest, excerptOf, HubAnswerError } from "./hub-answer-error.js";

/** The Hub's JSON endpoints: the API and the LFS negotiation (not the storage LFS objects are sent to). */
const JSON_ROUTES = /^\/api\/|\.git\/info\/lfs\/objects\/batch$/;

/** What push (and @huggingface/hub) reads from a successful answer, by route: what is missing, or null. */
const EXPECTED: [RegExp, (answer: unknown) => string | null][] = [
  [
    /\/api\/whoami-v2$/,
    (answer) => (isRecord(answer) && typeof answer.name === "string" && isRecord(answer.auth) ? null : "no user name"),
  ],
  [/\/api\/validate-yaml$/, (answer) => (isRecord(answer) ? null : "what is not a JSON object")],
  [/\/preupload\/[^/]+$/, (answer) => (isRecord(answer) && Array.isArray(answer.files) ? null : "no list of files")],
  [
    /\.git\/info\/lfs\/objects\/batch$/,
    (answer) => (isRecord(answer) && Array.isArray(answer.objects) ? null : "no list of objects"),
  ],
];

/**
 * Wraps `fetchImpl` so that a successful answer of the Hub's JSON API that is not JSON, or lacks what the request
 * returns (a user, the pre-upload's files, the LFS objects), throws a HubAnswerError with the status and a short
 * excerpt, instead of a JavaScript error later (or, worse, being read as "no errors"). An error answer that is not
 * JSON is handed on as one whose `error` is that excerpt.
 */
export function fetchWithStrictAnswers(fetchImpl: typeof fetch, hubUrl: string): typeof fetch {
  const origin = new URL(hubUrl).origin;
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    if (method === "HEAD" || response.status === 204) return response;
    if (url.origin !== origin || !JSON_ROUTES.test(url.pathname)) return response;
    const text = await response.text();
    const request = describeRequest(method, url);
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      if (response.ok) {
        const message = `the Hub answered ${response.status} to ${request} with what is not JSON: ${excerptOf(text)}`;
        throw new HubAnswerError(request, response.status, message);
      }
      // @huggingface/hub parses error answers as JSON: give it one that says what came.
      const body = JSON.stringify({ error: `an answer that is not JSON: ${excerptOf(text)}` });
      const headers = new Headers(response.headers);
      headers.set("Content-Type", "application/json");
      headers.delete("Content-Length");
      return new Response(body, { status: response.status, statusText: response.statusText, headers });
    }
    const missing = response.ok ? EXPECTED.find(([route]) => route.test(url.pathname))?.[1](answer) : null;
    if (missing) {
      const message = `the Hub answered ${response.status} to ${request} with ${missing}: ${excerptOf(text)}`;
      throw new HubAnswerError(request, response.status, message);
    }
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
