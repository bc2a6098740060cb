/**
 * `modelcard lint` over the corpus replicated to 40,000+ cards, in cards per second, beside a floor measured in
 * the same run on the same files: read, split and `yaml.parseDocument` in one process. Also the start-up of
 * `modelcard lint` on one card against `node -e 0`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import { splitFrontMatter } from "../src/card/index.js";
import { cli } from "../src/cli/main.js";
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

async function floor(): Promise<number> {
  const start = performance.now();
  let sink = 0;
  for (const file of files) sink += parseDocument(splitFrontMatter(await readFile(file, "utf8")).yaml).errors.length;
  return sink >= 0 ? performance.now() - start : 0;
}

async function lint(jobs: number): Promise<number> {
  const io = {
    stdout: () => {},
    stderr: () => {},
    readStdin: async () => "",
    env: {},
    cwd: ROOT,
    isTTY: false,
  };
  const start = performance.now();
  const code = await cli(["lint", folder, "--format", "json", "--jobs", String(jobs)], io);
  if (code === 2) throw new Error("modelcard lint failed on the benchmark corpus");
  return performance.now() - start;
}

const ROUNDS = 3;
const cores = availableParallelism();
const floorTimes: number[] = [];
const lintTimes: number[] = [];
const oneJobTimes: number[] = [];
await lint(cores); // warm-up (and the file cache)
for (let round = 0; round < ROUNDS; round++) {
  floorTimes.push(await floor());
  lintTimes.push(await lint(cores));
  oneJobTimes.push(await lint(1));
}
const perSecond = (ms: number) => files.length / (ms / 1000);
const floorRate = perSecond(median(floorTimes));
const lintRate = perSecond(median(lintTimes));
const oneJobRate = perSecond(median(oneJobTimes));

// Start-up: one small card, the built CLI (npm run build) against node -e 0.
const card = join(folder, "0", corpus[0]!);
const bin = join(ROOT, "bin", "modelcard.js");
const timeRun = (args: string[]) => {
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { stdio: "ignore" });
    times.push(performance.now() - start);
  }
  return median(times);
};
const built = existsSync(join(ROOT, "dist", "lint", "index.js"));
const nodeStart = timeRun(["-e", "0"]);
const lintStart = built ? timeRun([bin, "lint", card]) : Number.NaN;

const fmt = (value: number) => Math.round(value).toLocaleString("en-US");
const markdown = `## Linting many cards (\`bench/lint.ts\`)

${files.length.toLocaleString("en-US")} cards (the ${corpus.length.toLocaleString("en-US")}-card corpus ${copies} times), ${cores} cores, median of ${ROUNDS} rounds.

| run | cards per second | ratio to the floor |
|---|---|---|
| floor: read + split + \`yaml.parseDocument\`, one process | ${fmt(floorRate)} | 1.00 |
| \`modelcard lint DIR --format json\` (${cores} worker threads) | ${fmt(lintRate)} | ${(lintRate / floorRate).toFixed(2)} |
| \`modelcard lint DIR --format json --jobs 1\` | ${fmt(oneJobRate)} | ${(oneJobRate / floorRate).toFixed(2)} |

Start-up, one card, median of 15 runs: \`node -e 0\` ${nodeStart.toFixed(0)} ms; \`modelcard lint CARD\` ${built ? `${lintStart.toFixed(0)} ms (${(lintStart / nodeStart).toFixed(2)}×)` : "not measured (run `npm run build` first)"}.
`;
await writeBenchmarkSection("lint", markdown);
console.log(markdown);
