import type { LintRule } from "../types.js";
import { shown } from "./rule-kit.js";

const RELATIONS = ["adapter", "merge", "quantized", "finetune"] as const;

export const baseModelRelation: LintRule = {
  id: "base-model-relation",
  description:
    "`base_model_relation` should be adapter, merge, quantized or finetune, and agree with `base_model` (a merge has several).",
  defaultSeverity: "warning",
  fixable: false,
  check({ card }, report) {
    const metadata = card.metadata;
    const relation = metadata.base_model_relation;
    const base = metadata.base_model;
    const count = Array.isArray(base) ? base.length : typeof base === "string" ? 1 : 0;
    if (relation === undefined || relation === null) {
      if (count > 1) {
        report({
          message: `\`base_model\` lists ${count} models, which the Hub reads as a merge; set \`base_model_relation: merge\` to say so.`,
          path: ["base_model"],
        });
      }
      return;
    }
    if (typeof relation !== "string" || !(RELATIONS as readonly string[]).includes(relation)) {
      report({
        message: `\`base_model_relation\` ${shown(relation)} is not one of ${RELATIONS.join(", ")}.`,
        path: ["base_model_relation"],
        atValue: true,
      });
      return;
    }
    if (count === 0) {
      report({
        message: `\`base_model_relation: ${relation}\` needs a \`base_model\`; add the Hub id of the model this one derives from.`,
        path: ["base_model_relation"],
      });
    } else if (relation === "merge" && count < 2) {
      report({
        message: "`base_model_relation: merge` needs at least two models in `base_model`.",
        path: ["base_model_relation"],
      });
    } else if (relation !== "merge" && count > 1) {
      report({
        message: `\`base_model\` lists ${count} models but \`base_model_relation\` is ${relation}; several base models mean a merge.`,
        path: ["base_model_relation"],
      });
    }
  },
};
