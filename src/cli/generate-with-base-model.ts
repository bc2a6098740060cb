import type { BaseModelCard } from "../card/base-model-card.js";
import { readRepoId } from "../card/index.js";
import { type GenerateCardParams, type GeneratedCard, generateCard } from "../generate/index.js";
import type { CliIo } from "./io.js";

/**
 * `generate`, with the base model's card read from the Hub when the card's `base_model` is a Hub id (and the Hub
 * may be contacted), handed to `generateCard` as its source below the run: the run is read once. Any failure to
 * read it is a note on stderr, and nothing is taken from it.
 */
export function generateWithBaseModel(params: GenerateCardParams, io: CliIo, offline: boolean): Promise<GeneratedCard> {
  if (offline) return generateCard(params);
  return generateCard({ ...params, baseModelCard: (baseModel) => readBaseModelCardOrNote(baseModel, io) });
}

async function readBaseModelCardOrNote(baseModel: string, io: CliIo): Promise<BaseModelCard | null> {
  const id = readRepoId(baseModel);
  if (id.kind !== "hub-id" || id.owner === null) return null;
  const { readBaseModelCard } = await import("../hub/read-base-model-card.js");
  const { resolveHubCredentials } = await import("../hub/resolve-hub-credentials.js");
  const credentials = resolveHubCredentials({ env: io.env });
  try {
    return await readBaseModelCard({
      repo: baseModel,
      hubUrl: credentials.hubUrl,
      accessToken: credentials.accessToken ?? "",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`note: the base model's card was not read, nothing is taken from it: ${reason}\n`);
    return null;
  }
}
