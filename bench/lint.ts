/**
 * `modelcard lint` over the corpus replicated to 40,000+ cards, in cards per second, beside a floor measured in
 * the same run on the same files: read, split and js-yaml `load` (the Hub's reader, which lint reads with) in one
 * process. Also the start-up of
 * `modelcard lint` on one card against `node -e 0`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readHubYaml, splitFrontMatter } from "../src/card/index.js";
import { CORPUS, corpusFiles } from "../tests/support/shared.js";
import { median, writeBenchmarkSection } from "./benchmarks-md.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET = 40_000;
const corpus = corpusFiles();
const copies = Math.ceil(TARGET / corpus.length);
const folder = join(ROOT, ".bench-tmp", `lint-corpus-x${copies}`);

// One folder per copy, each card named as in the corpus: a tree like many model repos' cards.
if (!existsSync(join(folder, String(copies - 1), corpus[corpus.length - 1]!))) {
  for (let copy = 0; copy < copies; copy++) {
    mkdirSync(join(folder, String(copy)), { recursive: true });
    for (const file of corpus) writeFileSync(join(folder, String(copy), file), readFileSync(`${CORPUS}${file}`));
  }
}
const files = Array.from({ length: copies }, (_, copy) =>
  readdirSync(join(folder, String(copy))).map((file) => join(folder, String(copy), file)),
).flat();

// The CLI as installed: `npm run build` (the bundled command line under dist/bundle/), run through bin/.
const BIN = join(ROOT, "bin", "modelcard.js");
if (spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" }).status !== 0)
  throw new Error("npm run build failed");

function floor(): number {
  const start = performance.now();
  let sink = 0;
  for (const file of files) sink += readHubYaml(splitFrontMatter(readFileSync(file, "utf8")).yaml).ok ? 1 : 0;
  return sink >= 0 ? performance.now() - start : 0;
}

/** One run of the built CLI in a fresh process, as a user runs it (cold JIT included), output discarded. */
function lint(jobs: number): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, [BIN, "lint", folder, "--format", "json", "--jobs", String(jobs)], {
    cwd: ROOT,
    stdio: "ignore",
  });
  if (run.status === 2) throw new Error("modelcard lint failed on the benchmark corpus");
  return performance.now() - start;
}

const ROUNDS = 3;
const cores = availableParallelism();
const floorTimes: number[] = [];
const lintTimes: number[] = [];
const oneJobTimes: number[] = [];
lint(cores); // warm-up of the file cache
for (let round = 0; round < ROUNDS; round++) {
  floorTimes.push(floor());
  lintTimes.push(lint(cores));
  oneJobTimes.push(lint(1));
}
const perSecond = (ms: number) => files.length / (ms / 1000);
const floorRate = perSecond(median(floorTimes));
const lintRate = perSecond(median(lintTimes));
const oneJobRate = perSecond(median(oneJobTimes));

// Start-up on one card that has a language (so the language vocabulary loads), against node -e 0.
const card = join(folder, "0", corpus.find((name) => /^language:/m.test(readFileSync(`${CORPUS}${name}`, "utf8")))!);
const timeRun = (args: string[]) => {
  const times: number[] = [];
  for (let run = 0; run < 21; run++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { stdio: "ignore" });
    times.push(performance.now() - start);
  }
  return median(times);
};
const nodeStart = timeRun(["-e", "0"]);
const cliStart = timeRun([BIN, "lint", card]);
const startRow = (name: string, ms: number) => `| ${name} | ${ms.toFixed(0)} | ${(ms / nodeStart).toFixed(2)} |`;

const fmt = (value: number) => Math.round(value).toLocaleString("en-US");
const markdown = `## Linting many cards (\`bench/lint.ts\`)

${files.length.toLocaleString("en-US")} cards (the ${corpus.length.toLocaleString("en-US")}-card corpus ${copies} times), ${cores} cores, median of ${ROUNDS} rounds.

| run | cards per second | ratio to the floor |
|---|---|---|
| floor: read + split + js-yaml \`load\` (the Hub's reading), one process | ${fmt(floorRate)} | 1.00 |
| \`modelcard lint DIR --format json\`, ${cores} worker threads (\`node bin/modelcard.js\`, a fresh process) | ${fmt(lintRate)} | ${(lintRate / floorRate).toFixed(2)} |
| \`modelcard lint DIR --format json --jobs 1\` (a fresh process) | ${fmt(oneJobRate)} | ${(oneJobRate / floorRate).toFixed(2)} |

Start-up on one card (\`${basename(card)}\`), \`node bin/modelcard.js\` after \`npm run build\`, median of 21 runs (target: at most 2.5):

| run | ms | ratio to \`node -e 0\` |
|---|---|---|
${startRow("`node -e 0` (baseline)", nodeStart)}
${startRow("`modelcard lint CARD`", cliStart)}
`;
await writeBenchmarkSection("lint", markdown);
console.log(markdown);
