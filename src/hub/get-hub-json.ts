import { HubApiError } from "@huggingface/hub";

/** GETs `url` with the token and returns its JSON; an answer that is not 2xx throws a HubApiError. */
export async function getHubJson(hub: { accessToken: string; fetch: typeof fetch }, url: string): Promise<unknown> {
  const response = await hub.fetch(url, { headers: { Authorization: `Bearer ${hub.accessToken}` } });
  if (!response.ok) {
    const requestId = response.headers.get("X-Request-Id") ?? undefined;
    throw new HubApiError(url, response.status, requestId, await response.text());
  }
  return response.json();
}
