import { HubApiError, listModels } from "@huggingface/hub";
import { HubCardAccessError } from "./hub-card-access-error.js";
import { type HubConnectionParams, openHubSession } from "./open-hub-session.js";
import { redactToken } from "./redact-token.js";

export interface ListAuthorModelsParams extends HubConnectionParams {
  /** A user or organization name. */
  author: string;
  /** At most this many models. Default: all of them. */
  limit?: number;
  /** Offline mode (`HF_HUB_OFFLINE`): refuse at once, sending nothing. */
  offline?: boolean;
}

/**
 * The ids (`owner/name`) of an author's model repositories, as the Hub lists them (`/api/models?author=`, page after
 * page through @huggingface/hub), up to `limit`. Private ones appear only to a token that can see them.
 */
export async function listAuthorModels(params: ListAuthorModelsParams): Promise<string[]> {
  if (params.offline) {
    throw new HubCardAccessError(
      "offline",
      params.author,
      `the models of ${params.author}: offline mode (--offline or HF_HUB_OFFLINE) sends no request; unset it to list them`,
    );
  }
  const session = openHubSession(params);
  const ids: string[] = [];
  try {
    for await (const model of listModels({
      search: { owner: params.author },
      hubUrl: session.hubUrl,
      fetch: session.fetch,
      ...(session.accessToken && { accessToken: session.accessToken }),
      ...(params.limit !== undefined && { limit: params.limit }),
    })) {
      ids.push(model.name);
      if (params.limit !== undefined && ids.length >= params.limit) break;
    }
  } catch (error) {
    if (!(error instanceof HubApiError)) throw error;
    const reason = redactToken(error.message, session.accessToken);
    throw new HubCardAccessError(
      "hub-error",
      params.author,
      `listing the models of ${params.author} failed: the Hub answered ${error.statusCode}: ${reason}`,
      error.statusCode,
    );
  }
  return ids;
}
