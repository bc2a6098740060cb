/**
 * The edit guarantee at scale: at least 100,000 generated cards and edits (set, delete, addEvalResult) over flow
 * and block styles, anchors, comments, indented blocks, CRLF, BOM and model-index shapes; each must be refused
 * with the text unchanged, or read back by the Hub's reader exactly as intended with every byte outside the
 * edited node unchanged. Also times one add-eval on the largest corpus cards against js-yaml reading them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import fc from "fast-check";
import { load } from "js-yaml";
import { editCardText } from "../src/card/edit/edit-card-text.js";
import { planEvalResultEdits } from "../src/card/edit/plan-eval-result-edits.js";
import { ModelCard, splitFrontMatter } from "../src/card/index.js";
import { cardShape, checkEdit, editCase, type Outcome, renderCard } from "../tests/support/edit-properties.js";
import { CORPUS } from "../tests/support/shared.js";
import { median, writeBenchmarkSection } from "./benchmarks-md.js";

const RUNS = Number(process.env.EDIT_PROPERTY_RUNS ?? 100_000);
const seed = Date.now() % 2 ** 31;
const outcomes: Record<Outcome, number> = { applied: 0, unchanged: 0, refused: 0 };
const started = performance.now();
const details = fc.check(
  fc.property(cardShape, editCase, (shape, edit) => {
    outcomes[checkEdit(renderCard(shape), edit)]++;
  }),
  { numRuns: RUNS, seed },
);
const seconds = (performance.now() - started) / 1000;
const failure = details.failed
  ? `FAILED after ${details.numRuns} cases (${String(details.errorInstance)}): ${JSON.stringify(details.counterexample)}`
  : null;

// One add-eval on each of the largest cards, against a bare js-yaml load of the same block (the Hub's reading).
const largest = readdirSync(CORPUS)
  .filter((name) => name.endsWith(".md"))
  .map((name) => ({ name, size: statSync(`${CORPUS}${name}`).size }))
  .sort((a, b) => b.size - a.size)
  .slice(0, 3);
const ROUNDS = 5;
const RESULT = {
  taskType: "text-generation",
  datasetType: "org/ds",
  datasetName: "DS",
  metricType: "loss",
  metricValue: 2.5,
};
const rows = largest.map(({ name, size }) => {
  const text = readFileSync(`${CORPUS}${name}`, "utf8");
  const yaml = splitFrontMatter(text).yaml;
  const timings = { load: [] as number[], edit: [] as number[], card: [] as number[] };
  for (let round = 0; round <= ROUNDS; round++) {
    const card = ModelCard.parse(text);
    const modelName = card.modelName ?? undefined;
    const [edit] = planEvalResultEdits(card.metadata, card.modelName, RESULT, { modelName });
    let start = performance.now();
    load(yaml);
    const loaded = performance.now() - start;
    start = performance.now();
    if (edit) editCardText(text, edit);
    const edited = performance.now() - start;
    start = performance.now();
    card.addEvalResult(RESULT, { modelName });
    const whole = performance.now() - start;
    if (round === 0) continue; // warm-up
    timings.load.push(loaded);
    timings.edit.push(edited);
    timings.card.push(whole);
  }
  const [baseline, edit, whole] = [median(timings.load), median(timings.edit), median(timings.card)];
  return `| \`${name}\` (${Math.round(size / 1024)} KB) | ${baseline.toFixed(0)} | ${edit.toFixed(0)} (${(edit / baseline).toFixed(1)}) | ${whole.toFixed(0)} (${(whole / baseline).toFixed(1)}) |`;
});

const count = (value: number) => value.toLocaleString("en-US");
const markdown = `## Edits keep their guarantee (\`bench/edit-properties.ts\`)

${count(details.numRuns)} generated cases (fast-check, seed ${seed}), ${seconds.toFixed(0)} s on one core:
${failure ?? "no case broke the guarantee"}.

| outcome | cases |
|---|---|
| applied: the Hub's reader reads exactly the intended metadata, bytes outside the edited node unchanged | ${count(outcomes.applied)} |
| nothing to change (text unchanged) | ${count(outcomes.unchanged)} |
| refused (\`CardEditRefusedError\` or an overwrite conflict), text unchanged | ${count(outcomes.refused)} |

One added evaluation result (one appended node, verified) on the largest corpus cards, median of ${ROUNDS} rounds,
in ms and as a ratio to js-yaml reading the same block. The edit itself parses the block once with \`yaml\` (for
node ranges) and reads it twice with js-yaml (before and after); \`card.addEvalResult\` also re-reads the card.

| card | js-yaml \`load\` of the block (baseline) | the edit (\`editCardText\`) | \`card.addEvalResult\` |
|---|---|---|---|
${rows.join("\n")}
`;
await writeBenchmarkSection("edit-properties", markdown);
console.log(markdown);
if (failure) process.exitCode = 1;
