/**
 * `modelcard generate` end to end (read the run, build, render curves, lint, write) on three synthetic runs:
 * 16 MB of weights (the baseline), the same run with 16 GB of weights (sparse files: headers are read, weights
 * never are, so the time must stay within 1.2x), and a trainer_state.json of 200,000 log entries (within 3x).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSyntheticRun } from "../scripts/write-synthetic-run.js";
import { cli } from "../src/cli/main.js";
import { memoryIo } from "../tests/support/memory-io.js";
import { median, writeBenchmarkSection } from "./benchmarks-md.js";

const ROUNDS = 15;
const root = mkdtempSync(join(tmpdir(), "modelcard-bench-generate-"));
const base = { loggingSteps: 2, evalSteps: 50, layers: 2, variants: true, seed: 1 };

// bf16 weights are 48 h^2 bytes (2 layers), the int8 and int4 copies add about 36 h^2: h=448 is ~16 MB in all,
// h=14336 is ~16 GB.
const small = join(root, "weights-16mb");
await writeSyntheticRun(small, { ...base, steps: 600, hiddenSize: 448 });
const large = join(root, "weights-16gb");
await writeSyntheticRun(large, { ...base, steps: 600, hiddenSize: 14336, sparse: true });
const longLog = join(root, "log-200k");
await writeSyntheticRun(longLog, { ...base, steps: 190_476, loggingSteps: 1, evalSteps: 20, hiddenSize: 448 });

async function generateOnce(run: string): Promise<number> {
  const args = ["generate", "--from", run, "--profile", "smollm3", "--repo-name", "bench/model"];
  const options = ["--hardware-info", "bench", "--output", join(run, "README.md"), "--force"];
  const terminal = memoryIo();
  const start = performance.now();
  const code = await cli([...args, ...options], terminal.io);
  const elapsed = performance.now() - start;
  if (code !== 0) throw new Error(`generate failed on ${run}: ${terminal.stderr()}`);
  return elapsed;
}

function logEntries(run: string): number {
  return (JSON.parse(readFileSync(join(run, "trainer_state.json"), "utf8")) as { log_history: unknown[] }).log_history
    .length;
}

/** The floor under the long run: reading its trainer_state.json and one JSON.parse of it, nothing else. */
async function readAndParseOnce(run: string): Promise<number> {
  const start = performance.now();
  JSON.parse(await readFile(join(run, "trainer_state.json"), "utf8"));
  return performance.now() - start;
}

// Rounds alternate between the runs so that warm-up and machine load weigh on all of them alike.
const runs = [small, large, longLog];
const timings: number[][] = runs.map(() => []);
const parseTimings: number[] = [];
for (const run of runs) await generateOnce(run);
for (let round = 0; round < ROUNDS; round++) {
  for (const [index, run] of runs.entries()) timings[index]?.push(await generateOnce(run));
  parseTimings.push(await readAndParseOnce(longLog));
}
const [baseline, sixteenGb, log200k] = timings.map((values) => median(values)) as [number, number, number];
const parseFloor = median(parseTimings);
const [smallLog, , longLogEntries] = runs.map(logEntries);

rmSync(root, { recursive: true, force: true });

const row = (name: string, ms: number) => `| ${name} | ${ms.toFixed(1)} | ${(ms / baseline).toFixed(2)} |`;
const markdown = `## Generating cards (\`bench/generate.ts\`)

\`modelcard generate --from RUN\` in process (read the run, build metadata, render the body and the training-curve
PNG and SVG, lint, write atomically), median of ${ROUNDS} rounds after a warm-up, on synthetic SmolLM3-like runs
with int8/ and int4/ variants. Weights are read by their safetensors headers only, so their size must not matter
(target: the 16 GB run within 1.2 times the 16 MB run). A 28 MB trainer_state.json is read chunk by chunk into
the curves and the results table (summarised beyond 50 evaluations), never kept whole (target: within 3 times).

| run | milliseconds | ratio to the 16 MB run |
|---|---|---|
${row(`16 MB of weights, ${smallLog} log entries (baseline)`, baseline)}
${row(`16 GB of weights (sparse files), ${smallLog} log entries`, sixteenGb)}
${row(`16 MB of weights, trainer_state.json with ${longLogEntries?.toLocaleString("en-US")} log entries`, log200k)}
${row("reference: reading that trainer_state.json and one `JSON.parse` of it, no card", parseFloor)}
`;
await writeBenchmarkSection("generate", markdown);
console.log(markdown);
if (sixteenGb / baseline > 1.2) {
  console.error(`16 GB run took ${(sixteenGb / baseline).toFixed(2)}x the 16 MB run; the target is 1.2x.`);
  process.exitCode = 1;
}
if (log200k / baseline > 3) {
  console.error(`The 200,000-entry log took ${(log200k / baseline).toFixed(2)}x the 16 MB run; the target is 3x.`);
  process.exitCode = 1;
}
