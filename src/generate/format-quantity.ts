const UNITS = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"],
] as const;

/**
 * A number for a reader: `5e-6` stays `5e-6` (JavaScript would print 0.000005), 3075098624 parameters read
 * `3.08B`, bytes read `6.15 GB`; other numbers are printed as they are.
 */
export function formatQuantity(value: number, kind: "plain" | "count" | "bytes" = "plain"): string {
  if (kind !== "plain") {
    const unit = UNITS.find(([size]) => Math.abs(value) >= size);
    if (!unit) return kind === "bytes" ? `${value} bytes` : String(value);
    const scaled = Number((value / unit[0]).toPrecision(3));
    return kind === "bytes" ? `${scaled} ${unit[1] === "B" ? "G" : unit[1]}B` : `${scaled}${unit[1]}`;
  }
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential();
  return String(value);
}
