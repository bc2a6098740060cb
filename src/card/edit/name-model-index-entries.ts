import { CardEditRefusedError } from "./card-edit-refused-error.js";

/** `model-index` entries without `name` take the card's model name, as huggingface_hub's `metadata_update` does. */
export function nameModelIndexEntries(modelIndex: unknown, modelName: string | null): unknown {
  if (!Array.isArray(modelIndex)) return modelIndex;
  return modelIndex.map((entry) => {
    if (typeof entry !== "object" || entry === null || "name" in entry) return entry;
    if (modelName === null) {
      throw new CardEditRefusedError(
        "cannot update model-index: an entry has no `name` and the card has no model name; pass modelName",
      );
    }
    return { name: modelName, ...entry };
  });
}
