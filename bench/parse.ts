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
const ROUNDS = 5;

let sink = 0;
function milliseconds(work: () => void, rounds = ROUNDS): number {
  const timings: number[] = [];
  work(); // warm-up
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    work();
    timings.push(performance.now() - start);
  }
  return median(timings);
}
const jsYaml = (block: string) => {
  try {
    sink += load(block) ? 1 : 0;
  } catch {
    sink++;
  }
};

const bare = milliseconds(() => blocks.forEach(jsYaml));
const strict = milliseconds(() => {
  for (const block of blocks) sink += parseDocument(block).errors.length;
});
const card = milliseconds(() => {
  for (const text of texts) sink += ModelCard.parse(text).problems.length;
});
const withDifferences = milliseconds(() => {
  for (const text of texts) sink += ModelCard.parse(text).crossReaderDifferences.length;
});
const withPositions = milliseconds(() => {
  for (const text of texts) sink += ModelCard.parse(text).positions.root ? 1 : 0;
});

const corpusRow = (name: string, value: number) =>
  `| ${name} | ${Math.round(texts.length / (value / 1000)).toLocaleString("en-US")} | ${(value / bare).toFixed(2)} |`;

const largest = files
  .map((file, index) => ({ file, index, size: statSync(`${CORPUS}${file}`).size }))
  .sort((a, b) => b.size - a.size)
  .slice(0, 5);
const largestRows = largest.map(({ file, index, size }) => {
  const text = texts[index] ?? "";
  const floor = milliseconds(() => jsYaml(blocks[index] ?? ""));
  const parsed = milliseconds(() => {
    sink += ModelCard.parse(text).problems.length;
  });
  const positioned = milliseconds(() => {
    sink += ModelCard.parse(text).positions.root ? 1 : 0;
  });
  return `| \`${file}\` (${Math.round(size / 1024)} KB) | ${floor.toFixed(1)} | ${parsed.toFixed(1)} | ${(parsed / floor).toFixed(2)} | ${(positioned / floor).toFixed(2)} |`;
});

const markdown = `## Parsing cards (\`bench/parse.ts\`)

${texts.length.toLocaleString("en-US")} real cards, one core, median of ${ROUNDS} rounds; the floor is js-yaml's \`load\` of the
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
