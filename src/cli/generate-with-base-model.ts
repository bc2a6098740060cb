import { readRepoId } from "../card/index.js";
import { type GenerateCardParams, type GeneratedCard, generateCard } from "../generate/index.js";
import type { CliIo } from "./io.js";

/**
 * `generate`, then, when the card has a `base_model` that is a Hub id (and the Hub may be contacted), the base
 * model's card read from the Hub and handed to `generateCard` as its lowest source, and the card generated again.
 * Any failure to read it is a note on stderr and the first card stands.
 */
export async function generateWithBaseModel(
  params: GenerateCardParams,
  io: CliIo,
  offline: boolean,
): Promise<GeneratedCard> {
  const generated = await generateCard(params);
  const baseModel = generated.metadata.base_model;
  if (offline || typeof baseModel !== "string") return generated;
  const id = readRepoId(baseModel);
  if (id.kind !== "hub-id" || id.owner === null) return generated;
  const { readBaseModelCard } = await import("../hub/read-base-model-card.js");
  const { resolveHubCredentials } = await import("../hub/resolve-hub-credentials.js");
  const credentials = resolveHubCredentials({ env: io.env });
  let baseModelCard: Awaited<ReturnType<typeof readBaseModelCard>>;
  try {
    baseModelCard = await readBaseModelCard({
      repo: baseModel,
      hubUrl: credentials.hubUrl,
      accessToken: credentials.accessToken ?? "",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`note: the base model's card was not read, nothing is taken from it: ${reason}\n`);
    return generated;
  }
  return generateCard({ ...params, baseModelCard });
}
