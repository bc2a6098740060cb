/**
 * The package as npm packs it (size, files) and the installed command's start-up against `node -e 0`, measured in
 * the same run, the commands taking turns in each round so that a slow spell on a shared machine hits them alike.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CORPUS } from "../tests/support/shared.js";
import { median, writeBenchmarkSection } from "./benchmarks-md.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = `${ROOT}bin/modelcard.js`;
const CARD = `${CORPUS}00001.md`;
const ROUNDS = 21;

if (spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" }).status !== 0)
  throw new Error("npm run build failed");
const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
const { size, unpackedSize, entryCount } = JSON.parse(pack.stdout)[0] as {
  size: number;
  unpackedSize: number;
  entryCount: number;
};

const RUNS: [string, string[]][] = [
  ["`node -e 0` (baseline)", ["-e", "0"]],
  ["`modelcard --version`", [BIN, "--version"]],
  ["`modelcard --help`", [BIN, "--help"]],
  ["`modelcard inspect CARD`", [BIN, "inspect", CARD]],
  ["`modelcard lint CARD`", [BIN, "lint", CARD]],
];
const times = RUNS.map((): number[] => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const [index, [, args]] of RUNS.entries()) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: "ignore" });
    times[index]?.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const medians = times.map(median);
const baseline = medians[0] ?? 1;
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en-US")} KB`;

await writeBenchmarkSection(
  "package",
  `## The package (\`bench/package.ts\`)

\`npm pack\`: ${kb(size)} packed, ${kb(unpackedSize)} unpacked, ${entryCount} files (the library and the command line
share one bundle of ES modules; declarations in one file; no source maps).

Start-up of the built command, \`node bin/modelcard.js\`, on one card (\`00001.md\`), median of ${ROUNDS} rounds
(target for \`lint CARD\`: at most 2.5):

| run | ms | ratio to \`node -e 0\` |
|---|---|---|
${RUNS.map(([label], index) => `| ${label} | ${Math.round(medians[index] ?? 0)} | ${((medians[index] ?? 0) / baseline).toFixed(2)} |`).join("\n")}
`,
);
console.log(medians.map((value) => (value / baseline).toFixed(2)).join(" "));
