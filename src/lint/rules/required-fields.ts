import type { LintRule } from "../types.js";
import { optionsObject, stringList } from "./rule-kit.js";

/** Field lists by preset: what generated cards need, and the seed's full list. */
export const REQUIRED_FIELD_PRESETS = {
  generated: ["license", "library_name", "pipeline_tag"],
  seed: ["language", "license", "library_name", "tags", "pipeline_tag", "base_model"],
} as const satisfies Record<string, readonly string[]>;

export interface RequiredFieldsOptions {
  fields: readonly string[];
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

function isPreset(name: string): name is keyof typeof REQUIRED_FIELD_PRESETS {
  return Object.hasOwn(REQUIRED_FIELD_PRESETS, name);
}

export const requiredFields: LintRule<RequiredFieldsOptions> = {
  id: "required-fields",
  description:
    "The metadata should hold the configured fields (by default license, library_name and pipeline_tag), each with a value.",
  defaultSeverity: "warning",
  fixable: false,
  defaultOptions: { fields: REQUIRED_FIELD_PRESETS.generated },
  parseOptions(raw) {
    const options = optionsObject(raw, ["fields", "preset"]);
    const fields: string[] = [];
    if (options.preset !== undefined) {
      const preset = options.preset;
      if (typeof preset !== "string" || !isPreset(preset)) {
        throw new Error(
          `preset ${JSON.stringify(preset)} is unknown; use one of ${Object.keys(REQUIRED_FIELD_PRESETS).join(", ")}.`,
        );
      }
      fields.push(...REQUIRED_FIELD_PRESETS[preset]);
    }
    if (options.fields !== undefined) fields.push(...stringList(options.fields, "fields"));
    if (options.preset === undefined && options.fields === undefined) throw new Error("give fields or a preset.");
    return { fields: [...new Set(fields)] };
  },
  check({ card, options }, report) {
    if (!card.hasFrontMatter) {
      report({ message: `The card has no metadata; add ${options.fields.join(", ")}.`, line: 1, column: 1 });
      return;
    }
    const metadata = card.metadata;
    const missing: string[] = [];
    for (const field of options.fields) {
      const value = metadata[field];
      if (value === undefined) missing.push(field);
      else if (isEmpty(value))
        report({ message: `Required field \`${field}\` is empty; give it a value.`, path: [field] });
    }
    // One message for all missing fields: they have one cause and one fix.
    if (missing.length > 0) {
      const names = missing.map((field) => `\`${field}\``).join(", ");
      report({
        message: `Required field${missing.length > 1 ? "s" : ""} ${names} ${missing.length > 1 ? "are" : "is"} missing; add ${missing.map((field) => `\`${field}: <value>\``).join(", ")} to the front matter.`,
      });
    }
  },
};
