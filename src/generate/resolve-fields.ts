import type { Fact, FieldFacts, Provenance } from "./facts.js";
import type { InputFieldName, InputValues } from "./input-fields.js";

export interface Layer {
  values: InputValues;
  /** How a field of this layer is named in `--explain`. */
  provenance: (name: InputFieldName) => Provenance;
}

export interface ResolvedFields {
  fields: FieldFacts;
  /** `--set` fields, key by key, the highest layer winning per key. */
  custom: Record<string, Fact<unknown>>;
  /** `--speedup` measurements, variant by variant. */
  speedups: Record<string, Fact<number>>;
}

/**
 * Merges layers given highest first (flags, config file, run directory, profile): each field takes the value of
 * the first layer that has it, with that layer's provenance. `set` and `speedup` merge key by key.
 */
export function resolveFields(layers: readonly Layer[]): ResolvedFields {
  const fields: Record<string, Fact<unknown>> = {};
  // No prototype: `constructor` or `__proto__` given with --set are keys like any other.
  const custom: Record<string, Fact<unknown>> = Object.create(null);
  const speedups: Record<string, Fact<number>> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer.values) as [InputFieldName, unknown][]) {
      if (value === undefined) continue;
      const from = layer.provenance(name);
      if (name === "set") {
        for (const [key, entry] of Object.entries(value as Record<string, unknown>))
          custom[key] ??= { value: entry, from };
      } else if (name === "speedup") {
        for (const [key, entry] of Object.entries(value as Record<string, number>))
          speedups[key] ??= { value: entry, from };
      } else {
        fields[name] ??= { value, from };
      }
    }
  }
  return { fields: fields as FieldFacts, custom, speedups };
}
