/**
 * `pushModelCard` of a run holding one large weights file, against the local fake Hub, beside the least any push
 * must do measured in the same run: hash the file once and stream it once in a single PUT to the same server. Also
 * the peak memory growth during the push, to show that weights are streamed from disk, not loaded.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  createReadStream,
  ftruncateSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { pushModelCard } from "../src/hub/index.js";
import { startFakeHub } from "../tests/support/fake-hub/fake-hub.js";
import { median, writeBenchmarkSection } from "./benchmarks-md.js";

const SIZE_MB = Number(process.env.MODELCARD_BENCH_PUSH_MB ?? 1024);
const ROUNDS = 3;
const TOKEN = "hf_benchmarkToken0123456789";

const run = mkdtempSync(join(tmpdir(), "modelcard-bench-push-"));
const weights = join(run, "model.safetensors");
copyFileSync(new URL("../tests/hub/fixtures/run-smollm3/README.md", import.meta.url), join(run, "README.md"));
writeFileSync(join(run, "config.json"), '{"model_type": "smollm3"}\n');
// A sparse file: its size is real for hashing and upload, it costs no disk.
const handle = openSync(weights, "w");
ftruncateSync(handle, SIZE_MB * 1_000_000);
closeSync(handle);

const hub = await startFakeHub({ users: { [TOKEN]: { name: "bench" } }, keepLfsBytes: false });

async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function baseline(): Promise<void> {
  const oid = await hashFile(weights);
  const body = await import("node:fs").then(({ openAsBlob }) => openAsBlob(weights));
  const response = await fetch(`${hub.url}/lfs/${oid}?size=${body.size}`, { method: "PUT", body });
  if (!response.ok) throw new Error(`baseline PUT answered ${response.status}`);
}

async function push(): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const outcome = await pushModelCard({ path: run, repo: "bench/model", hubUrl: hub.url, accessToken: TOKEN });
  clearInterval(sampler);
  if (outcome.status !== "pushed") throw new Error(`push ${outcome.status}: ${JSON.stringify(outcome.problems)}`);
  return peak - before;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  hub.reset();
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const baselineTimes: number[] = [];
const pushTimes: number[] = [];
const growth: number[] = [];
// Warm-up: module loading, JIT and the first connections are not what is measured.
await timed(baseline);
await timed(push);
for (let round = 0; round < ROUNDS; round++) {
  baselineTimes.push(await timed(baseline));
  let grew = 0;
  pushTimes.push(await timed(async () => (grew = await push())));
  growth.push(grew);
}
await hub.close();
rmSync(run, { recursive: true, force: true });

const ratio = median(pushTimes) / median(baselineTimes);
const growthMb = Math.max(...growth) / 1_000_000;
const markdown = `## Pushing a run (\`bench/push.ts\`)

A run with a ${SIZE_MB} MB weights file pushed with \`pushModelCard\` to the local fake Hub (same machine), median of ${ROUNDS}:

| measure | value |
|---|---|
| push time / baseline (hash once + one streamed PUT) | ${ratio.toFixed(2)}x |
| peak memory growth during the push | ${growthMb.toFixed(0)} MB (${((growthMb / SIZE_MB) * 100).toFixed(1)}% of the file) |

The push adds to the baseline: lint, validate-yaml, whoami, repo creation, reading the branch head, preupload, LFS batch and the NDJSON commit, every request under the connect and idle timeouts.`;
console.log(markdown);
if (!process.env.MODELCARD_BENCH_NO_WRITE) await writeBenchmarkSection("push", markdown);
