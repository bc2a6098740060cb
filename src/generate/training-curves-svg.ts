import type { CurveSeries, TrainingLog } from "./sources/training-log.js";

interface Point {
  x: number;
  y: number;
}

const WIDTH = 800;
const HEIGHT = 420;
const MARGIN = { top: 40, right: 24, bottom: 56, left: 72 };
const MAX_POINTS = 1000;
const SERIES = [
  { key: "loss", label: "Training loss", color: "#1f77b4" },
  { key: "eval_loss", label: "Validation loss", color: "#ff7f0e" },
] as const;

/** The (step, value) points of one series, averaged into at most MAX_POINTS buckets along the log. */
function seriesPoints({ steps, values }: CurveSeries): Point[] {
  const count = steps.length;
  const size = Math.max(1, count / MAX_POINTS);
  const points: Point[] = [];
  let bucketEnd = size;
  for (let start = 0; start < count; bucketEnd += size) {
    // A bucket ends at Math.floor(bucketEnd), holds one point at least and ends at the last one at most.
    const end = Math.min(count, Math.max(start + 1, Math.floor(bucketEnd)));
    let [sumX, sumY] = [0, 0];
    for (let index = start; index < end; index++) {
      sumX += steps[index] ?? 0;
      sumY += values[index] ?? 0;
    }
    points.push({ x: sumX / (end - start), y: sumY / (end - start) });
    start = end;
  }
  return points;
}

/** About five round tick values covering [min, max]. */
function ticks(min: number, max: number): number[] {
  const span = max - min || Math.abs(max) || 1;
  const rough = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude;
  const values: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
    values.push(Number(value.toPrecision(12)));
  }
  return values;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * A line chart of training and validation loss against step, as a self-contained SVG (no scripts, no external
 * fonts) that renders the same in browsers and in resvg. Null when the log has no losses.
 */
export function buildTrainingCurvesSvg(log: TrainingLog, title = "Training and validation loss"): string | null {
  const series = SERIES.map((spec) => ({
    ...spec,
    points: seriesPoints(log.curves[spec.key]),
  })).filter((line) => line.points.length > 0);
  if (series.length === 0) return null;
  const all = series.flatMap((line) => line.points);
  let [minX, maxX] = [Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x))];
  let [minY, maxY] = [Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y))];
  if (minX === maxX) [minX, maxX] = [minX - 1, maxX + 1];
  const padding = (maxY - minY) * 0.05 || 0.5;
  [minY, maxY] = [Math.max(0, minY - padding), maxY + padding];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + ((x - minX) / (maxX - minX)) * plotWidth;
  const sy = (y: number) => MARGIN.top + (1 - (y - minY) / (maxY - minY)) * plotHeight;
  const f = (value: number) => value.toFixed(1);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" fill="#222">${escapeXml(title)}</text>`,
  ];
  for (const value of ticks(minY, maxY).filter((v) => v >= minY && v <= maxY)) {
    const y = f(sy(value));
    parts.push(
      `<line x1="${MARGIN.left}" y1="${y}" x2="${WIDTH - MARGIN.right}" y2="${y}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#444">${value}</text>`,
    );
  }
  for (const value of ticks(minX, maxX).filter((v) => v >= minX && v <= maxX)) {
    const x = f(sx(value));
    parts.push(
      `<line x1="${x}" y1="${HEIGHT - MARGIN.bottom}" x2="${x}" y2="${HEIGHT - MARGIN.bottom + 5}" stroke="#444"/>`,
      `<text x="${x}" y="${HEIGHT - MARGIN.bottom + 20}" text-anchor="middle" fill="#444">${value}</text>`,
    );
  }
  parts.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#444"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle" fill="#222">Step</text>`,
    `<text x="18" y="${MARGIN.top + plotHeight / 2}" text-anchor="middle" fill="#222" transform="rotate(-90 18 ${MARGIN.top + plotHeight / 2})">Loss</text>`,
  );
  series.forEach((line, index) => {
    const path = line.points.map((point) => `${f(sx(point.x))},${f(sy(point.y))}`).join(" ");
    parts.push(`<polyline points="${path}" fill="none" stroke="${line.color}" stroke-width="2"/>`);
    if (line.points.length === 1) {
      const [point] = line.points;
      if (point) parts.push(`<circle cx="${f(sx(point.x))}" cy="${f(sy(point.y))}" r="3" fill="${line.color}"/>`);
    }
    const legendY = MARGIN.top + 16 + index * 18;
    const legendX = WIDTH - MARGIN.right - 150;
    parts.push(
      `<line x1="${legendX}" y1="${legendY}" x2="${legendX + 24}" y2="${legendY}" stroke="${line.color}" stroke-width="3"/>`,
      `<text x="${legendX + 30}" y="${legendY}" dominant-baseline="middle" fill="#222">${line.label}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
