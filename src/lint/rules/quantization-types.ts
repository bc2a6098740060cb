import { quantizationScheme } from "../../vocabulary/quantization-schemes.js";
import type { LintRule } from "../types.js";
import { isRecord, optionsObject, shown, stringList } from "./rule-kit.js";

export interface QuantizationOptions {
  /** More accepted scheme names, beyond the shared table and GGUF's file types. */
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
    "`quantization_types` must be present exactly when the card says it is quantized, and name known quantization schemes.",
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
        message: `The card says it is quantized (${evidence}) but has no \`quantization_types\`; add the schemes it uses, e.g. \`bnb_nf4\`, \`gptq_int4\`, \`awq_int4\`, \`int8_weight_only\` or a GGUF file type such as \`Q4_K_M\`.`,
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
    const extra = new Set(options.extraTypes);
    list.forEach((type, index) => {
      if (typeof type === "string" && (extra.has(type) || quantizationScheme(type))) return;
      report({
        message: `Quantization scheme ${shown(type)} is not known; use a scheme such as \`int8_weight_only\`, \`bnb_nf4\`, \`gptq_int4\`, \`awq_int4\` or a GGUF file type such as \`Q4_K_M\` (the rule's page lists them all), or list it in the rule's extraTypes option.`,
        path: Array.isArray(types) ? ["quantization_types", index] : ["quantization_types"],
        atValue: true,
      });
    });
  },
};
