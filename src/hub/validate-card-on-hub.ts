import { HubApiError } from "@huggingface/hub";
import { excerptOf, HubAnswerError } from "./hub-answer-error.js";

export interface ValidateCardOnHubParams {
  /** The whole README.md text, front matter included. */
  content: string;
  repoType?: "model" | "dataset" | "space";
  hubUrl: string;
  accessToken?: string | undefined;
  fetch?: typeof fetch;
}

export interface HubValidation {
  errors: string[];
  warnings: string[];
}

/**
 * Asks the Hub whether it would accept the card's metadata (`POST {hubUrl}/api/validate-yaml`, as huggingface_hub's
 * `RepoCard.validate` does): a 400 lists `errors[].message`, a 200 may list `warnings[].message`. @huggingface/hub
 * has no call for it. Any other status throws a HubApiError; a 200 or 400 whose answer is not a JSON object (which
 * says neither yes nor no) throws a HubAnswerError with the status and an excerpt.
 */
export async function validateCardOnHub(params: ValidateCardOnHubParams): Promise<HubValidation> {
  const url = `${params.hubUrl}/api/validate-yaml`;
  const response = await (params.fetch ?? fetch)(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(params.accessToken && { Authorization: `Bearer ${params.accessToken}` }),
    },
    body: JSON.stringify({ repoType: params.repoType ?? "model", content: params.content }),
  });
  const text = await response.text();
  const body = readJson(text);
  if ((response.status === 200 || response.status === 400) && body === null) {
    const request = "POST /api/validate-yaml";
    throw new HubAnswerError(
      request,
      response.status,
      `the Hub answered ${response.status} to ${request} with what is not a JSON object: ${excerptOf(text)}`,
    );
  }
  if (response.status === 400) {
    const errors = messages(body, "errors");
    const single = typeof body?.error === "string" ? [body.error] : [];
    return {
      errors: errors.length > 0 ? errors : single.length > 0 ? single : ["rejected (no reason given)"],
      warnings: [],
    };
  }
  if (!response.ok) {
    const reason = typeof body?.error === "string" ? body.error : `status ${response.status}: ${excerptOf(text)}`;
    throw new HubApiError(url, response.status, response.headers.get("X-Request-Id") ?? undefined, reason);
  }
  return { errors: [], warnings: messages(body, "warnings") };
}

function readJson(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function messages(body: Record<string, unknown> | null, key: "errors" | "warnings"): string[] {
  const list = body?.[key];
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) =>
    typeof item === "object" && item !== null && typeof (item as { message?: unknown }).message === "string"
      ? (item as { message: string }).message
      : String(item),
  );
}
