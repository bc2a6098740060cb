const UNITS = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"],
] as const;

/**
 * A number for a reader: `5e-6` stays `5e-6` (JavaScript would print 0.000005), 3075098624 parameters read
 * `3.08B`; other numbers are printed as they are. Byte sizes: `formatBytes`.
 */
export function formatQuantity(value: number, kind: "plain" | "count" = "plain"): string {
  if (kind === "count") {
    const unit = UNITS.find(([size]) => Math.abs(value) >= size);
    return unit ? `${Number((value / unit[0]).toPrecision(3))}${unit[1]}` : String(value);
  }
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential();
  return String(value);
}
