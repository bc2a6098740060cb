import type { BaseModelCard } from "../card/base-model-card.js";
import type { Layer } from "./resolve-fields.js";

export type { BaseModelCard };

/** The base model card as a layer of input values. */
export function baseModelLayer(card: BaseModelCard): Layer {
  return {
    values: {
      ...(card.license !== undefined && { license: card.license }),
      ...(card.language !== undefined && { language: card.language }),
      ...(card.pipelineTag !== undefined && { "pipeline-tag": card.pipelineTag }),
    },
    provenance: () => ({ kind: "base-model", detail: card.repo }),
  };
}
