import type { LintRule } from "../types.js";
import { isRecord, optionsObject, stringList } from "./rule-kit.js";

/** torchao's types the generator writes, and the `quant_method` values of transformers' `quantization_config`. */
export const KNOWN_QUANTIZATION_TYPES = [
  "int8_weight_only",
  "int4_weight_only",
  "int8_dynamic",
  "bitsandbytes",
  "gptq",
  "awq",
  "torchao",
  "fp8",
  "compressed-tensors",
  "hqq",
  "mxfp4",
] as const;

export interface QuantizationOptions {
  /** More accepted type names (e.g. GGUF's `Q4_K_M`). */
  extraTypes: readonly string[];
}

/** What in the card says it is quantized: the tag, a quantized relation, or a quantized model-index entry. */
function quantizedEvidence(metadata: Record<string, unknown>): string | null {
  const tags = Array.isArray(metadata.tags) ? metadata.tags : [];
  if (tags.includes("quantized")) return "the tag `quantized`";
  if (metadata.base_model_relation === "quantized") return "`base_model_relation: quantized`";
  const modelIndex = Array.isArray(metadata["model-index"]) ? metadata["model-index"] : [];
  const entry = modelIndex.find(
    (item) => isRecord(item) && typeof item.name === "string" && /quantized/i.test(item.name),
  );
  return entry ? `the model-index entry "${(entry as { name: string }).name}"` : null;
}

export const quantizationTypes: LintRule<QuantizationOptions> = {
  id: "quantization-types",
  description:
    "`quantization_types` must be present exactly when the card says it is quantized, and name known quantization types.",
  defaultSeverity: "warning",
  fixable: false,
  defaultOptions: { extraTypes: [] },
  parseOptions(raw) {
    const { extraTypes } = optionsObject(raw, ["extraTypes"]);
    return { extraTypes: extraTypes === undefined ? [] : stringList(extraTypes, "extraTypes") };
  },
  check({ card, options }, report) {
    const metadata = card.metadata;
    const types = metadata.quantization_types;
    const evidence = quantizedEvidence(metadata);
    const hasTypes = types !== undefined && types !== null && !(Array.isArray(types) && types.length === 0);
    if (!hasTypes && evidence) {
      report({
        message: `The card says it is quantized (${evidence}) but has no \`quantization_types\`; add e.g. \`quantization_types: [int8_weight_only]\`.`,
        ...(types === undefined ? {} : { path: ["quantization_types"] }),
      });
      return;
    }
    if (!hasTypes) return;
    if (!evidence) {
      report({
        message:
          "`quantization_types` is set but nothing else says the model is quantized; add the tag `quantized` or remove `quantization_types`.",
        path: ["quantization_types"],
      });
    }
    const list = Array.isArray(types) ? types : [types];
    const known = new Set<string>([...KNOWN_QUANTIZATION_TYPES, ...options.extraTypes]);
    list.forEach((type, index) => {
      if (typeof type === "string" && known.has(type)) return;
      report({
        message: `Quantization type ${JSON.stringify(type)} is not known; use one of ${[...known].join(", ")} (or list it in the rule's extraTypes option).`,
        path: Array.isArray(types) ? ["quantization_types", index] : ["quantization_types"],
        atValue: true,
      });
    });
  },
};
