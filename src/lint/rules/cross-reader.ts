import { type CrossReaderDifference, formatFloat, formatPath, resolveYaml11Plain } from "../../card/index.js";
import type { LintRule } from "../types.js";
import { quoted, shown } from "./rule-kit.js";

function describeValue(value: unknown, kind?: string): string {
  if (kind === "timestamp") return `the date ${String(value)}`;
  return typeof value === "string" ? `the string ${shown(value)}` : `${typeof value} ${String(value)}`;
}

/** The source PyYAML reads as the Hub does: a plain number they agree on, else the quoted string. */
function agreedSource(difference: CrossReaderDifference): string {
  const value = difference.hub;
  if (typeof value === "number") {
    const plain = Number.isInteger(value) && Math.abs(value) < 2 ** 53 ? String(value) : formatFloat(value);
    const asYaml11 = resolveYaml11Plain(plain);
    if ((asYaml11.kind === "int" || asYaml11.kind === "float") && asYaml11.value === value) return plain;
  }
  return quoted(typeof value === "string" ? value : difference.source);
}

export const crossReader: LintRule = {
  id: "cross-reader",
  description:
    "A plain scalar that PyYAML (YAML 1.1, inside huggingface_hub) reads differently from the Hub (js-yaml) (`no`, `on`, `5e-6`, `010`, `1:30`, keys such as `1:`) must be written so both agree; unquoted dates are pointed out.",
  defaultSeverity: "warning",
  fixable: true,
  check({ card }, report) {
    for (const difference of card.crossReaderDifferences) {
      const start = card.positionAt(difference.start);
      const end = card.positionAt(difference.end);
      const where = difference.isKey
        ? `Key ${shown(difference.source)}${difference.path.length ? ` in \`${formatPath(difference.path)}\`` : ""}`
        : `\`${formatPath(difference.path)}\``;
      const span = { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
      if (difference.hub instanceof Date) {
        // Quoting would change what the Hub reads, so this one is pointed out, not fixed.
        report({
          message: `${where} is read as a date by the Hub and PyYAML (JSON shows ${difference.hub.toISOString()}) and as text by strict YAML 1.2 readers; write ${quoted(difference.source)} if you mean text.`,
          ...span,
        });
        continue;
      }
      const text = agreedSource(difference);
      report({
        message: `${where} is ${describeValue(difference.hub)} to the Hub (js-yaml) but ${describeValue(difference.pyyaml, difference.pyyamlKind)} to PyYAML (huggingface_hub); write ${text}.`,
        ...span,
        // The same value for the Hub, written so that PyYAML agrees: the metadata must not change.
        fix: { start: difference.start, end: difference.end, text },
      });
    }
  },
};
