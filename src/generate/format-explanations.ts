import type { Explanation } from "./facts.js";
import { formatQuantity } from "./format-quantity.js";

const LABELS = {
  flag: "flag",
  config: "config file",
  run: "run file",
  "base-model": "base model card",
  profile: "profile",
  derived: "derived",
  detected: "detected",
  default: "default",
} as const;

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatQuantity(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

/**
 * `--explain`: one line per field, `field = value   <- where it came from (how it was computed)`, in card order
 * (metadata keys, then model-index metrics, then body facts).
 */
export function formatExplanations(explanations: readonly Explanation[]): string {
  const rank = (field: string) => (field.startsWith("model-index") ? 1 : field.startsWith("body") ? 2 : 0);
  const sorted = [...explanations].sort((a, b) => rank(a.field) - rank(b.field));
  const left = sorted.map((entry) => `${entry.field} = ${show(entry.value)}`);
  const width = Math.min(60, Math.max(...left.map((text) => text.length), 0));
  return sorted
    .map((entry, index) => {
      const where = `${LABELS[entry.from.kind]} ${entry.from.detail}`;
      return `${(left[index] ?? "").padEnd(width)}  <- ${where}${entry.note ? ` (${entry.note})` : ""}\n`;
    })
    .join("");
}
