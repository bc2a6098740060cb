import { HubApiError } from "@huggingface/hub";
import { excerptOf, HubAnswerError } from "./hub-answer-error.js";

/**
 * GETs `url` with the token and returns its JSON; an answer that is not 2xx throws a HubApiError, one that is not
 * JSON a HubAnswerError with the status and an excerpt.
 */
export async function getHubJson(hub: { accessToken: string; fetch: typeof fetch }, url: string): Promise<unknown> {
  const response = await hub.fetch(url, { headers: { Authorization: `Bearer ${hub.accessToken}` } });
  const text = await response.text();
  if (!response.ok) {
    const requestId = response.headers.get("X-Request-Id") ?? undefined;
    throw new HubApiError(url, response.status, requestId, text);
  }
  try {
    return JSON.parse(text);
  } catch {
    const request = `GET ${new URL(url).pathname}`;
    throw new HubAnswerError(
      request,
      response.status,
      `the Hub answered ${response.status} to ${request} with what is not JSON: ${excerptOf(text)}`,
    );
  }
}
