/**
 * How PyYAML (YAML 1.1, the reader inside huggingface_hub) resolves a plain scalar. The patterns are PyYAML's
 * implicit resolvers; no JavaScript YAML library reproduces them (eemeli/yaml's 1.1 schema also reads `y` and
 * `n` as booleans, PyYAML does not), so they live here as data.
 */
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;

/** Every non-string form starts with one of these; most scalars are words and need no closer look. */
const NON_STRING_START = /^[-+.~0-9yYnNtTfFoO]/;

export type Yaml11Scalar =
  | { kind: "str"; value: string }
  | { kind: "null"; value: null }
  | { kind: "bool"; value: boolean }
  | { kind: "int" | "float"; value: number }
  | { kind: "timestamp"; value: string };

function sexagesimal(digits: string): number {
  return digits.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

function signOf(text: string): [number, string] {
  if (text.startsWith("-")) return [-1, text.slice(1)];
  if (text.startsWith("+")) return [1, text.slice(1)];
  return [1, text];
}

function resolveInt(source: string): number {
  const [sign, digits] = signOf(source.replaceAll("_", ""));
  if (digits === "0") return 0;
  if (digits.startsWith("0b")) return sign * Number.parseInt(digits.slice(2), 2);
  if (digits.startsWith("0x")) return sign * Number.parseInt(digits.slice(2), 16);
  if (digits.startsWith("0")) return sign * Number.parseInt(digits, 8);
  if (digits.includes(":")) return sign * sexagesimal(digits);
  return sign * Number(digits);
}

function resolveFloat(source: string): number {
  const [sign, digits] = signOf(source.replaceAll("_", "").toLowerCase());
  if (digits === ".inf") return sign * Number.POSITIVE_INFINITY;
  if (digits === ".nan") return Number.NaN;
  if (digits.includes(":")) return sign * sexagesimal(digits);
  return sign * Number(digits);
}

/** The value PyYAML gives the plain (unquoted) scalar `source`. Timestamps are returned as their text. */
export function resolveYaml11Plain(source: string): Yaml11Scalar {
  if (source !== "" && !NON_STRING_START.test(source)) return { kind: "str", value: source };
  if (NULL.test(source)) return { kind: "null", value: null };
  if (BOOL.test(source)) return { kind: "bool", value: /^(?:yes|true|on)$/i.test(source) };
  if (INT.test(source)) return { kind: "int", value: resolveInt(source) };
  if (FLOAT.test(source)) return { kind: "float", value: resolveFloat(source) };
  if (TIMESTAMP.test(source)) return { kind: "timestamp", value: source };
  return { kind: "str", value: source };
}

/** Whether PyYAML reads the plain scalar `source` as a string; allocates nothing for the common word. */
export function readsAsYaml11String(source: string): boolean {
  return (source !== "" && !NON_STRING_START.test(source)) || resolveYaml11Plain(source).kind === "str";
}
