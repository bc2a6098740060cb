/**
 * The corpus read as a user runs each tool: a fresh process over the 4,455 cards, file reading included, wall
 * time, median of 3. The baseline is huggingface_hub's reading (its split and PyYAML `safe_load`, one Python
 * process); beside it a bare js-yaml read, a bare `yaml` read and `modelcard lint DIR --format json` (default
 * jobs). Also start-up against `node -e 0`. Target: lint at most 1/20 of huggingface_hub's time.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CORPUS, corpusFiles } from "../tests/support/shared.js";
import { median, writeBenchmarkSection } from "./benchmarks-md.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "modelcard.js");
const READERS = join(ROOT, "bench", "readers");
if (spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" }).status !== 0)
  throw new Error("npm run build failed");

function wallMilliseconds(command: string, args: readonly string[], rounds: number): number {
  const timings: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 });
    timings.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(" ")}: ${result.stderr}`);
  }
  return median(timings);
}

const corpus = CORPUS.replace(/\/$/, "");
const python = wallMilliseconds("python3", [join(READERS, "huggingface-hub-read.py"), corpus], 3);
const jsYaml = wallMilliseconds(process.execPath, [join(READERS, "js-yaml-read.mjs"), corpus], 3);
const yaml = wallMilliseconds(process.execPath, [join(READERS, "yaml-read.mjs"), corpus], 3);
const lint = wallMilliseconds(process.execPath, [BIN, "lint", corpus, "--format", "json"], 3);

const row = (name: string, value: number) =>
  `| ${name} | ${Math.round(value).toLocaleString("en-US")} | ${(python / value).toFixed(1)} | ${(value / jsYaml).toFixed(2)} | ${(value / yaml).toFixed(2)} |`;

const card = `${CORPUS}${corpusFiles()[0]}`;
const nodeStart = wallMilliseconds(process.execPath, ["-e", "0"], 21);
const startRow = (name: string, args: readonly string[]) => {
  const value = wallMilliseconds(process.execPath, args, 21);
  return `| ${name} | ${Math.round(value)} | ${(value / nodeStart).toFixed(2)} |`;
};

const markdown = `## Reading the corpus as a user would (\`bench/readers.ts\`)

${corpusFiles().length.toLocaleString("en-US")} real cards, each tool a fresh process (start-up and file reading included), wall time, median of 3, on this
machine's 2 cores. huggingface_hub is measured as its reading step: its \`REGEX_YAML_BLOCK\` split and PyYAML's
\`safe_load\` (\`bench/readers/huggingface-hub-read.py\`). Target: \`modelcard lint\` at least 20 times faster.

| run | ms | times faster than huggingface_hub | time / js-yaml read | time / \`yaml\` read |
|---|---|---|---|---|
${row("huggingface_hub's reading, one Python process (baseline)", python)}
${row("read + split + js-yaml `load`, one Node process", jsYaml)}
${row("read + split + `yaml` `parseDocument().toJS()`, one Node process", yaml)}
${row("`modelcard lint DIR --format json` (default jobs)", lint)}

Start-up, \`node bin/modelcard.js\` after \`npm run build\`, median of 21 runs:

| run | ms | ratio to \`node -e 0\` |
|---|---|---|
| \`node -e 0\` (baseline) | ${Math.round(nodeStart)} | 1.00 |
${startRow("`modelcard --version`", [BIN, "--version"])}
${startRow("`modelcard --help`", [BIN, "--help"])}
${startRow("`modelcard inspect CARD`", [BIN, "inspect", card])}
${startRow("`modelcard lint CARD`", [BIN, "lint", card])}
`;
await writeBenchmarkSection("readers", markdown);
console.log(markdown);
