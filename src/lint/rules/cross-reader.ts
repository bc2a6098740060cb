import { type CrossReaderDifference, formatFloat, formatPath, resolveYaml11Plain } from "../../card/index.js";
import type { LintRule } from "../types.js";
import { quoted } from "./rule-kit.js";

function shown(value: unknown, kind?: string): string {
  if (kind === "timestamp") return `the date ${String(value)}`;
  return typeof value === "string" ? `the string ${JSON.stringify(value)}` : `${typeof value} ${String(value)}`;
}

/** The source both readers read as YAML 1.2 does: a plain number they agree on, else the quoted string. */
function agreedSource(difference: CrossReaderDifference): string {
  const value = difference.yaml12;
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
    "A plain scalar that PyYAML (YAML 1.1, inside huggingface_hub) reads differently from YAML 1.2 (`no`, `on`, `5e-6`, `010`, dates, `1:30`) must be written so both agree.",
  defaultSeverity: "warning",
  fixable: true,
  check({ card }, report) {
    for (const difference of card.crossReaderDifferences) {
      const text = agreedSource(difference);
      const start = card.positionAt(difference.start);
      const end = card.positionAt(difference.end);
      const where = difference.isKey
        ? `Key ${JSON.stringify(difference.source)}${difference.path.length ? ` in \`${formatPath(difference.path)}\`` : ""}`
        : `\`${formatPath(difference.path)}\``;
      report({
        message: `${where} is ${shown(difference.yaml12)} to YAML 1.2 but ${shown(difference.yaml11, difference.yaml11Kind)} to PyYAML (huggingface_hub); write ${text}.`,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        fix: { range: [card.yamlStart + difference.start, card.yamlStart + difference.end], text },
      });
    }
  },
};
