import type { BaseModelCard } from "../card/base-model-card.js";
import type { HubConnectionParams } from "./open-hub-session.js";
import { readCardFromHub } from "./read-card-from-hub.js";

export interface ReadBaseModelCardParams extends HubConnectionParams {
  /** The base model's repo id. */
  repo: string;
}

/** A short wait: the base model's card is a convenience, never worth holding `generate` up. */
const SHORT_TIMEOUTS = { connectMs: 3_000, idleMs: 5_000 };

/**
 * Reads the base model's card on the Hub (short timeouts, no retry) and returns its `license` (with `license_name`
 * and `license_link`, made absolute), `language` and `pipeline_tag`, the values transformers carries over from a
 * base model. Throws what `readCardFromHub` throws; the caller decides that a failure is only a note.
 */
export async function readBaseModelCard(params: ReadBaseModelCardParams): Promise<BaseModelCard> {
  const reading = await readCardFromHub({
    timeouts: SHORT_TIMEOUTS,
    ...params,
    retry: { maxRetries: 0, ...params.retry },
  });
  const metadata = reading.card.metadata;
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
  const result: BaseModelCard = { repo: params.repo };
  const license = text(metadata.license);
  if (license !== undefined) {
    result.license = license;
    const name = text(metadata.license_name);
    if (name !== undefined) result.licenseName = name;
    const link = text(metadata.license_link);
    if (link !== undefined) {
      result.licenseLink = /^[a-z][a-z0-9+.-]*:/i.test(link)
        ? link
        : `${reading.repoUrl}/blob/${reading.revision}/${link.replace(/^(\.\/|\/)+/, "")}`;
    }
  }
  const languages = Array.isArray(metadata.language) ? metadata.language : [metadata.language];
  const codes = languages.map(text).filter((code): code is string => code !== undefined);
  if (codes.length > 0) result.language = codes;
  const task = text(metadata.pipeline_tag);
  if (task !== undefined) result.pipelineTag = task;
  return result;
}
