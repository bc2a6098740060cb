const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;
const FORMATTERS = UNITS.map(
  (unit) => new Intl.NumberFormat("en", { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }),
);

/** `16 GB`, `12.3 MB`, `1.2 kB`, `512 B`: decimal units, as the Hub shows file sizes. */
export function formatBytes(bytes: number): string {
  // Intl spells the unit out below a kilobyte ("512 byte"); the Hub writes "512 Bytes", B reads better in columns.
  if (bytes < 1000) return `${bytes} B`;
  let index = 0;
  let value = bytes;
  while (value >= 1000 && index < UNITS.length - 1) {
    value /= 1000;
    index++;
  }
  return FORMATTERS[index]!.format(value);
}
