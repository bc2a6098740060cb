/**
 * The corpus read as a user runs each tool: a fresh process over the 4,455 cards, file reading included, wall
 * time, median of 3. The baseline is huggingface_hub itself (`ModelCard.load` on each card, one Python process),
 * installed into bench/.venv on first run (or the Python named by MODELCARD_BENCH_PYTHON); where it cannot be
 * installed, its reading step alone (its split and PyYAML `safe_load`), and the table says so. Beside it a bare
 * js-yaml read, a bare `yaml` read and `modelcard lint DIR --format json` (default jobs, and one thread). Also
 * start-up against `node -e 0`. Target: lint at most 1/20 of huggingface_hub's time.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
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

/** A Python that imports huggingface_hub, or null: the one named, else bench/.venv, made on first use. */
function pythonWithHuggingfaceHub(): string | null {
  const imports = (python: string) =>
    spawnSync(python, ["-c", "import huggingface_hub"], { stdio: "ignore" }).status === 0 ? python : null;
  const named = process.env.MODELCARD_BENCH_PYTHON;
  if (named) return imports(named);
  const venv = join(ROOT, "bench", ".venv");
  const python = join(venv, "bin", "python");
  if (!existsSync(python)) {
    spawnSync("python3", ["-m", "venv", venv], { stdio: "ignore" });
    spawnSync(python, ["-m", "pip", "install", "--quiet", "huggingface_hub"], { stdio: "ignore" });
  }
  return existsSync(python) ? imports(python) : null;
}

const corpus = CORPUS.replace(/\/$/, "");
const hubPython = pythonWithHuggingfaceHub();
const python = hubPython
  ? wallMilliseconds(hubPython, [join(READERS, "huggingface-hub-load.py"), corpus], 3)
  : wallMilliseconds("python3", [join(READERS, "huggingface-hub-read.py"), corpus], 3);
const jsYaml = wallMilliseconds(process.execPath, [join(READERS, "js-yaml-read.mjs"), corpus], 3);
const yaml = wallMilliseconds(process.execPath, [join(READERS, "yaml-read.mjs"), corpus], 3);
const lint = wallMilliseconds(process.execPath, [BIN, "lint", corpus, "--format", "json"], 3);
const lintOneThread = wallMilliseconds(process.execPath, [BIN, "lint", corpus, "--format", "json", "--jobs", "1"], 3);

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
machine's 2 cores. ${
  hubPython
    ? "The baseline is huggingface_hub itself: `ModelCard.load` on each card (`bench/readers/huggingface-hub-load.py`)."
    : "huggingface_hub could not be installed: the baseline is its reading step alone, its `REGEX_YAML_BLOCK` split and PyYAML's `safe_load` (`bench/readers/huggingface-hub-read.py`)."
} Target: \`modelcard lint\` at least 20 times faster.

| run | ms | times faster than huggingface_hub | time / js-yaml read | time / \`yaml\` read |
|---|---|---|---|---|
${row(hubPython ? "huggingface_hub `ModelCard.load`, one Python process (baseline)" : "huggingface_hub's reading, one Python process (baseline)", python)}
${row("read + split + js-yaml `load`, one Node process", jsYaml)}
${row("read + split + `yaml` `parseDocument().toJS()`, one Node process", yaml)}
${row("`modelcard lint DIR --format json` (default jobs)", lint)}
${row("`modelcard lint DIR --format json --jobs 1`", lintOneThread)}

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
