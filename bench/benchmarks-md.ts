import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeFileAtomically } from "../src/io/write-file-atomically.js";

const BENCHMARKS_MD = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
const HEADER =
  "# Benchmarks\n\nEach section is rewritten by its script under `bench/` (run them all with `npm run bench`).\nFigures are ratios against a baseline measured in the same run, because absolute speeds vary from machine to machine.\n";

/** Replaces (or appends) the section `name` of BENCHMARKS.md, leaving the other sections as they are. */
export async function writeBenchmarkSection(name: string, markdown: string): Promise<void> {
  const current = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, "utf8") : HEADER;
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from !== -1 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  await writeFileAtomically(BENCHMARKS_MD, next);
}

/** Median of repeated timings, in milliseconds. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
