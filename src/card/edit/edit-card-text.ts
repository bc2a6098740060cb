import { splitCard } from "../front-matter.js";
import { readHubYaml } from "../hub-yaml.js";
import { applyCardEdit } from "./apply-card-edit.js";
import type { CardEdit } from "./card-edit.js";

/**
 * Applies one edit to a card's text (see `applyCardEdit`), reading it first: for callers that hold only text.
 * A refused edit throws a CardEditRefusedError.
 */
export function editCardText(text: string, edit: CardEdit): string {
  const read = (split: ReturnType<typeof splitCard>) => ({
    hub: split.hasFrontMatter ? readHubYaml(split.yaml) : null,
  });
  const split = splitCard(text);
  const { split: after } = applyCardEdit({ split, reading: read(split) }, edit, read);
  return after.bom + after.opening + after.yaml + after.closing + after.body;
}
