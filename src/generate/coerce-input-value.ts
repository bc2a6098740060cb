import { isRecord } from "../card/is-record.js";
import { INPUT_FIELDS, type InputFieldName, type InputFieldType, type InputValues } from "./input-fields.js";

export type Coercion<Name extends InputFieldName> = { value: NonNullable<InputValues[Name]> } | { error: string };

function toNumber(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string" || raw.trim() === "") return null;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? value : null;
}

/**
 * Turns a value from the command line (always text) or a config file (any YAML value) into the field's type:
 * `"8"` becomes 8 for `batch-size`, `"5e-6"` becomes 5e-6 for `learning-rate`. A value of the wrong type gives
 * an error that says what was expected. A clearable field (`--hardware-info ''`) takes the empty text: none.
 */
export function coerceInputValue<Name extends InputFieldName>(name: Name, raw: unknown): Coercion<Name> {
  const spec: { type: InputFieldType; clearable?: true } = INPUT_FIELDS[name];
  const type = spec.type;
  const ok = (value: unknown) => ({ value }) as Coercion<Name>;
  switch (type) {
    case "string":
      if (typeof raw === "string" && raw.trim() !== "") return ok(raw.trim());
      // An empty value removes a field that a lower layer (config, profile) would fill.
      if (raw === "" && spec.clearable) return ok("");
      if (typeof raw === "number") return ok(String(raw));
      return { error: "expected a non-empty text" };
    case "integer": {
      const value = toNumber(raw);
      return value !== null && Number.isSafeInteger(value) && value >= 0
        ? ok(value)
        : { error: "expected a whole number, e.g. 8" };
    }
    case "number": {
      const value = toNumber(raw);
      return value !== null ? ok(value) : { error: "expected a number, e.g. 2.1 or 5e-6" };
    }
    case "boolean":
      if (typeof raw === "boolean") return ok(raw);
      if (raw === "true" || raw === "false") return ok(raw === "true");
      return { error: "expected true or false" };
    case "string-list": {
      const list = Array.isArray(raw) ? raw : [raw];
      const strings = list.map((item) => (typeof item === "number" ? String(item) : item));
      return strings.every((item) => typeof item === "string" && item.trim() !== "")
        ? ok(strings.map((item) => (item as string).trim()))
        : { error: "expected a text or a list of texts" };
    }
    case "number-map": {
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        return { error: "expected a mapping of names to numbers, e.g. {int8: 1.6}" };
      }
      const entries = Object.entries(raw).map(([key, value]) => [key, toNumber(value)] as const);
      return entries.every(([, value]) => value !== null && value > 0)
        ? ok(Object.fromEntries(entries))
        : { error: "expected positive numbers, e.g. {int8: 1.6}" };
    }
    case "value-map":
      return isRecord(raw) ? ok({ ...raw }) : { error: "expected a mapping of metadata keys to values" };
  }
}
