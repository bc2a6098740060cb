import { Document, isCollection, isScalar, type Scalar, type ScalarTag, visit } from "yaml";
import { hubReadsPlainAsString } from "./hub-yaml.js";
import { resolveYaml11Plain } from "./yaml11.js";

/** How a block writes its collections, so that new keys look like their neighbours. */
export interface BlockStyle {
  /** Spaces per nesting level. */
  indent: number;
  /** `tags:\n  - a` (true) rather than `tags:\n- a` (false, PyYAML's and huggingface_hub's style). */
  indentSeq: boolean;
}

export const PYYAML_STYLE: BlockStyle = { indent: 2, indentSeq: false };

/** Reads the style from the first nested mapping and the first block sequence under a key, where there are any. */
export function detectBlockStyle(yamlText: string): Partial<BlockStyle> {
  const lines = yamlText.split(/\r?\n/);
  const style: Partial<BlockStyle> = {};
  for (
    let index = 0;
    index + 1 < lines.length && (style.indent === undefined || style.indentSeq === undefined);
    index++
  ) {
    const line = lines[index] ?? "";
    if (!/^\s*[^\s#-][^#]*:\s*(?:#.*)?$/.test(line)) continue;
    const keyIndent = line.length - line.trimStart().length;
    const next = lines[index + 1] ?? "";
    const nested = /^( *)(- )?/.exec(next);
    const spaces = (nested?.[1]?.length ?? 0) - keyIndent;
    if (nested?.[2]) style.indentSeq ??= spaces > 0;
    else if (spaces > 0 && next.trim() !== "" && !next.trimStart().startsWith("#")) style.indent ??= spaces;
  }
  return style;
}

/** Python's float repr as PyYAML writes it: `5.0e-06`, never `5e-6` (a string to YAML 1.1 readers). */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
  if (Object.is(value, -0)) return "-0.0"; // `-0` is the integer 0 to PyYAML
  const text = String(value);
  const exponentAt = text.indexOf("e");
  if (exponentAt === -1) return text.includes(".") ? text : `${text}.0`;
  const mantissa = text.slice(0, exponentAt);
  const exponent = text.slice(exponentAt + 1);
  const sign = exponent.startsWith("-") ? "-" : "+";
  const digits = exponent.replace(/^[-+]/, "").padStart(2, "0");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}e${sign}${digits}`;
}

const floatTag: ScalarTag = {
  // Integers past 2^53 stay integers (`12345678901234567000`): both readers read that very number.
  identify: (value) =>
    typeof value === "number" && (!Number.isInteger(value) || Object.is(value, -0) || Math.abs(value) >= 1e21),
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^\b$/, // only used for writing; reading keeps the core schema
  resolve: (source) => Number(source),
  stringify: ({ value }) => formatFloat(value as number),
};

/** A date as the Hub (js-yaml) and PyYAML both read it back: `2024-01-01` at midnight UTC, else the full time. */
export function formatDate(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

const dateTag: ScalarTag = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "tag:yaml.org,2002:timestamp",
  test: /^\b$/, // only used for writing
  resolve: (source) => new Date(source),
  stringify: ({ value }) => formatDate(value as Date),
};

/**
 * A string that a YAML 1.1 reader (PyYAML) or the Hub's reader (js-yaml, whose floats include `._0`, which YAML 1.2's
 * core schema does not) would not read back as that same string when written plain.
 */
export function isAmbiguousString(value: string): boolean {
  return resolveYaml11Plain(value).kind !== "str" || /^(?:y|Y|n|N|=|<<)$/.test(value) || !hubReadsPlainAsString(value);
}

/** How a new value is written: in the block's style, or on one line (flow) for a flow collection's item. */
export interface ValueStyle extends BlockStyle {
  /** One line, fit for a flow collection: `[a, b]` / `{k: v}`, strings quoted where flow needs it. */
  inline?: boolean;
  /** Strings with line breaks double-quoted, not block scalars (text follows the value on its last line). */
  quoteMultiline?: boolean;
}

/** Writes a value (nested lines start at column 0) in the given style, readable alike by YAML 1.1 and 1.2. */
export function renderValue(value: unknown, style: ValueStyle): string {
  // Inline, the value is written as the item of a flow list, so that `,`, `[`, `{` and `:` are quoted as flow needs.
  const document = new Document(style.inline ? [value] : value, { customTags: (tags) => [floatTag, dateTag, ...tags] });
  visit(document, {
    Scalar(_, node: Scalar) {
      if (typeof node.value !== "string") return;
      const isMultiline = /[\r\n]/.test(node.value);
      if (isAmbiguousString(node.value) || (isMultiline && (style.inline || style.quoteMultiline))) {
        node.type = "QUOTE_DOUBLE";
      }
    },
    Collection(_, node) {
      if (style.inline && isCollection(node)) node.flow = true;
    },
  });
  const text = document
    .toString({
      indent: style.indent,
      indentSeq: style.indentSeq,
      lineWidth: 0,
      nullStr: "null",
      flowCollectionPadding: false,
    })
    .replace(/\n$/, "");
  return style.inline ? text.slice(1, -1) : text;
}

/** Writes `key: value` (and its nested lines) in the given style, readable alike by YAML 1.1 and 1.2. */
export function renderPair(key: string, value: unknown, style: ValueStyle): string {
  if (style.inline) return `${renderValue(key, style)}: ${renderValue(value, style)}`;
  return renderValue({ [key]: value }, style);
}

/** True when `node` is a scalar written without quotes, the only form YAML 1.1 and 1.2 may read apart. */
export function isPlainScalar(node: unknown): node is Scalar {
  return isScalar(node) && node.type === "PLAIN";
}
