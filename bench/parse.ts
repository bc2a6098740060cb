/**
 * Cards parsed per second over the whole corpus by `ModelCard.parse`, beside a bare `yaml.parseDocument` of the
 * same front-matter blocks measured in the same run (the floor any comment-keeping reader pays).
 */
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { ModelCard, splitFrontMatter } from "../src/card/index.js";
import { CORPUS, corpusFiles } from "../tests/support/shared.js";
import { median, writeBenchmarkSection } from "./benchmarks-md.js";

const texts = corpusFiles().map((file) => readFileSync(`${CORPUS}${file}`, "utf8"));
const blocks = texts.map((text) => splitFrontMatter(text).yaml);
const ROUNDS = 5;

function cardsPerSecond(work: () => void): number {
  const timings: number[] = [];
  work(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    work();
    timings.push(performance.now() - start);
  }
  return texts.length / (median(timings) / 1000);
}

let sink = 0;
const bare = cardsPerSecond(() => {
  for (const block of blocks) sink += parseDocument(block).errors.length;
});
const card = cardsPerSecond(() => {
  for (const text of texts) sink += ModelCard.parse(text).problems.length;
});
const withDifferences = cardsPerSecond(() => {
  for (const text of texts) sink += ModelCard.parse(text).crossReaderDifferences.length;
});

const row = (name: string, value: number) =>
  `| ${name} | ${Math.round(value).toLocaleString("en-US")} | ${(value / bare).toFixed(2)} |`;
const markdown = `## Parsing cards (\`bench/parse.ts\`)

${texts.length.toLocaleString("en-US")} real cards, one core, median of ${ROUNDS} rounds.

| reader | cards per second | ratio to the bare parse |
|---|---|---|
${row("`yaml.parseDocument` of the front-matter block alone (baseline)", bare)}
${row("`ModelCard.parse` (split, parse, problems, plain metadata, model-index)", card)}
${row("`ModelCard.parse` then `crossReaderDifferences` (PyYAML's reading of every plain scalar)", withDifferences)}
`;
await writeBenchmarkSection("parse", markdown);
console.log(markdown, sink > 0 ? "" : " ");
