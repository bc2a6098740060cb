import type { FieldFacts, InputWarning } from "./facts.js";
import { GenerateInputError } from "./generate-input-error.js";
import type { InputFieldName } from "./input-fields.js";

/** Each numeric field's range, as the lint rules `metric-range` and `training-hyperparameters` check it. */
const RANGES: Partial<Record<InputFieldName, { valid: (value: number) => boolean; rule: string }>> = {
  "training-loss": { valid: (value) => value >= 0, rule: "a loss is never negative" },
  "validation-loss": { valid: (value) => value >= 0, rule: "a loss is never negative" },
  perplexity: { valid: (value) => value >= 1, rule: "a perplexity is exp(loss), at least 1" },
  "learning-rate": { valid: (value) => value > 0 && value <= 1, rule: "a learning rate is in (0, 1], e.g. 2e-5" },
  "max-epochs": { valid: (value) => value > 0, rule: "epochs are a positive number, e.g. 3 or 2.5" },
  "batch-size": { valid: (value) => Number.isInteger(value) && value > 0, rule: "it is a positive whole number" },
  "max-seq-length": { valid: (value) => Number.isInteger(value) && value > 0, rule: "it is a positive whole number" },
  "gradient-accumulation-steps": {
    valid: (value) => Number.isInteger(value) && value > 0,
    rule: "it is a positive whole number",
  },
  "dataset-sample-size": {
    valid: (value) => Number.isInteger(value) && value > 0,
    rule: "it is a positive whole number",
  },
};

/**
 * Checks every numeric field, whether or not it ends up in a model-index: a value the user gave (flag, config,
 * profile) out of range is refused with a message naming where it came from; one read from a run file is left
 * out with a warning naming the file.
 */
export function checkFieldRanges(fields: FieldFacts): InputWarning[] {
  const warnings: InputWarning[] = [];
  for (const [name, range] of Object.entries(RANGES) as [
    InputFieldName,
    NonNullable<(typeof RANGES)[InputFieldName]>,
  ][]) {
    const fact = fields[name];
    if (!fact || typeof fact.value !== "number" || range.valid(fact.value)) continue;
    if (fact.from.kind !== "run") {
      const where = fact.from.kind === "flag" ? fact.from.detail : `--${name} (${fact.from.kind} ${fact.from.detail})`;
      throw new GenerateInputError(`${where} ${fact.value}: out of range; ${range.rule}.`);
    }
    warnings.push({
      code: "out-of-range",
      file: fact.from.detail,
      message: `${name} ${fact.value} is out of range (${range.rule}); it was left out`,
    });
    delete fields[name];
  }
  return warnings;
}
