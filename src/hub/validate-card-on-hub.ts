import { HubApiError } from "@huggingface/hub";

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
 * has no call for it. Any other failure throws a HubApiError.
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
  const body = await readJson(response);
  if (response.status === 400) {
    const errors = messages(body, "errors");
    const single = typeof body?.error === "string" ? [body.error] : [];
    return {
      errors: errors.length > 0 ? errors : single.length > 0 ? single : ["rejected (no reason given)"],
      warnings: [],
    };
  }
  if (!response.ok) {
    const reason = typeof body?.error === "string" ? body.error : `status ${response.status}`;
    throw new HubApiError(url, response.status, response.headers.get("X-Request-Id") ?? undefined, reason);
  }
  return { errors: [], warnings: messages(body, "warnings") };
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const parsed: unknown = await response.json();
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
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
