/**
 * Parsing cards in one process: `ModelCard.parse` over the whole corpus and on the 5 largest cards, beside a bare
 * js-yaml `load` of the same front-matter blocks (the Hub's reader: the floor) measured in the same run.
 */
import { readFileSync, statSync } from "node:fs";
import { load } from "js-yaml";
import { parseDocument } from "yaml";
import { ModelCard, splitFrontMatter } from "../src/card/index.js";
import { CORPUS, corpusFiles } from "../tests/support/shared.js";
import { median, writeBenchmarkSection } from "./benchmarks-md.js";

const files = corpusFiles();
const texts = files.map((file) => readFileSync(`${CORPUS}${file}`, "utf8"));
const blocks = texts.map((text) => splitFrontMatter(text).yaml);
const ROUNDS = 9;

let sink = 0;
/**
 * Times each reader once per round, the readers one after the other (this machine is noisy: a slow spell then
 * hits every reader of that round alike), and gives each reader's median time and its median ratio to the first.
 */
function interleaved(readers: readonly (() => void)[]): { ms: number; ratio: number }[] {
  for (const read of readers) read(); // warm-up
  const timings = readers.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    readers.forEach((read, index) => {
      const start = performance.now();
      read();
      timings[index]?.push(performance.now() - start);
    });
  }
  const base = timings[0] ?? [];
  return timings.map((times) => ({
    ms: median(times),
    ratio: median(times.map((time, round) => time / (base[round] ?? time))),
  }));
}
const jsYaml = (block: string) => {
  try {
    sink += load(block) ? 1 : 0;
  } catch {
    sink++;
  }
};

const [bare, strict, card, withDifferences, withPositions] = interleaved([
  () => blocks.forEach(jsYaml),
  () => {
    for (const block of blocks) sink += parseDocument(block).errors.length;
  },
  () => {
    for (const text of texts) sink += ModelCard.parse(text).problems.length;
  },
  () => {
    for (const text of texts) sink += ModelCard.parse(text).crossReaderDifferences.length;
  },
  () => {
    for (const text of texts) sink += ModelCard.parse(text).positions.root ? 1 : 0;
  },
]);

const corpusRow = (name: string, value: { ms: number; ratio: number } | undefined) =>
  `| ${name} | ${Math.round(texts.length / ((value?.ms ?? 0) / 1000)).toLocaleString("en-US")} | ${(value?.ratio ?? 0).toFixed(2)} |`;

const largest = files
  .map((file, index) => ({ file, index, size: statSync(`${CORPUS}${file}`).size }))
  .sort((a, b) => b.size - a.size)
  .slice(0, 5);
const largestRows = largest.map(({ file, index, size }) => {
  const text = texts[index] ?? "";
  const [floor, parsed, positioned] = interleaved([
    () => jsYaml(blocks[index] ?? ""),
    () => {
      sink += ModelCard.parse(text).problems.length;
    },
    () => {
      sink += ModelCard.parse(text).positions.root ? 1 : 0;
    },
  ]);
  return `| \`${file}\` (${Math.round(size / 1024)} KB) | ${floor?.ms.toFixed(1)} | ${parsed?.ms.toFixed(1)} | ${parsed?.ratio.toFixed(2)} | ${positioned?.ratio.toFixed(2)} |`;
});

const markdown = `## Parsing cards (\`bench/parse.ts\`)

${texts.length.toLocaleString("en-US")} real cards, one core, median of ${ROUNDS} rounds, the readers taking turns within each round (ratios are the median of each round's); the floor is js-yaml's \`load\` of the
same front-matter blocks (the Hub's reader, no positions, no checks).

| reader | cards per second | time / js-yaml |
|---|---|---|
${corpusRow("js-yaml `load` of the front-matter block alone (baseline)", bare)}
${corpusRow("`yaml.parseDocument` of the same blocks (strict YAML 1.2, comments kept: what edits use)", strict)}
${corpusRow("`ModelCard.parse` (split, the Hub's reading, problems, model-index)", card)}
${corpusRow("`ModelCard.parse` then `crossReaderDifferences` (PyYAML's reading where it may differ)", withDifferences)}
${corpusRow("`ModelCard.parse` then every key's and value's position (js-yaml's listener pass)", withPositions)}

The 5 largest cards (target: \`ModelCard.parse\` within 5 times js-yaml on the same text):

| card | js-yaml ms | \`ModelCard.parse\` ms | parse / js-yaml | parse + positions / js-yaml |
|---|---|---|---|---|
${largestRows.join("\n")}
`;
await writeBenchmarkSection("parse", markdown);
console.log(markdown, sink > 0 ? "" : " ");
