/**
 * Generated cards and edits for the edit guarantee, shared by the test suite (a modest number of runs) and
 * `bench/edit-properties.ts` (100,000 and more): after any set/delete/addEvalResult, either the edit is refused
 * and the text is unchanged, or the Hub's reader (js-yaml) reads exactly the intended metadata and every byte
 * outside the edited node is unchanged.
 */
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { load } from "js-yaml";
import { isMap, isScalar, parseDocument } from "yaml";
import {
  CardEditRefusedError,
  type EvalResultInput,
  MetadataConflictError,
  ModelCard,
  readModelIndex,
  splitFrontMatter,
} from "../../src/card/index.js";

const KEYS = ["license", "tags", "language", "base_model", "datasets", "library_name", "notes"] as const;
const TOKENS = [
  "mit",
  "apache-2.0",
  "en",
  "'quoted'",
  '"double"',
  "97.0",
  "100.0",
  "0.5",
  "3",
  "true",
  "null",
  "~",
  "org/model-1",
  "'no'",
];

type Shape =
  | { kind: "scalar"; token: string }
  | { kind: "list" | "map"; flow: boolean; items: string[] }
  | { kind: "alias"; to: number }
  /** Block collections nested `levels.length` deep, ending in a comment at one of the indentations around them. */
  | { kind: "nested"; levels: ("map" | "list")[]; leaf: string; commentAt: number };

interface Entry {
  key: string;
  shape: Shape;
  anchor: boolean;
  comment: "none" | "before" | "after";
  /** What separates this entry from the next: nothing, a blank line, or a section comment between blank lines. */
  gap: "none" | "blank" | "section";
}

interface ModelIndexShape {
  flowTask: boolean;
  /** The first result's dataset is anchored (`&ds`) and reused by the later ones (`*ds`). */
  sharedDataset: boolean;
  flowMetrics: boolean;
  flowMetric: boolean;
  comments: boolean;
  results: { task: string; dataset: string; metrics: { type: string; value: string }[] }[];
}

export interface CardShape {
  entries: Entry[];
  flowTop: boolean;
  indent: string;
  indentSeq: boolean;
  modelIndex: ModelIndexShape | null;
  documentEnd: boolean;
  crlf: boolean;
  bom: boolean;
}

const token = fc.constantFrom(...TOKENS);
const shape: fc.Arbitrary<Shape> = fc.oneof(
  token.map((value) => ({ kind: "scalar" as const, token: value })),
  fc.record({
    kind: fc.constantFrom("list" as const, "map" as const),
    flow: fc.boolean(),
    items: fc.array(token, { minLength: 1, maxLength: 3 }),
  }),
  fc.nat(6).map((to) => ({ kind: "alias" as const, to })),
  fc.record({
    kind: fc.constant("nested" as const),
    levels: fc.array(fc.constantFrom("map" as const, "list" as const), { minLength: 1, maxLength: 3 }),
    leaf: token,
    commentAt: fc.nat(7),
  }),
);
const entries = fc.uniqueArray(
  fc.record({
    key: fc.constantFrom(...KEYS),
    shape,
    anchor: fc.boolean(),
    comment: fc.constantFrom("none" as const, "before" as const, "after" as const),
    gap: fc.constantFrom("none" as const, "none" as const, "blank" as const, "section" as const),
  }),
  { selector: (entry) => entry.key, minLength: 1, maxLength: 5 },
);
const modelIndex: fc.Arbitrary<ModelIndexShape> = fc.record({
  flowTask: fc.boolean(),
  sharedDataset: fc.boolean(),
  flowMetrics: fc.boolean(),
  flowMetric: fc.boolean(),
  comments: fc.boolean(),
  results: fc.array(
    fc.record({
      task: fc.constantFrom("text-generation", "text-classification"),
      dataset: fc.constantFrom("wikitext", "sst2"),
      metrics: fc.uniqueArray(
        fc.record({
          type: fc.constantFrom("accuracy", "f1", "loss"),
          value: fc.constantFrom("97.0", "100.0", "0.5", "2", "1.0e-05"),
        }),
        { selector: (metric) => metric.type, minLength: 1, maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

export const cardShape: fc.Arbitrary<CardShape> = fc.record({
  entries,
  flowTop: fc.boolean(),
  indent: fc.constantFrom("", "", " ", "  "),
  indentSeq: fc.boolean(),
  modelIndex: fc.option(modelIndex, { freq: 2 }),
  documentEnd: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

function inline(entry: Entry, index: number, anchors: Set<number>): string {
  const { shape } = entry;
  const anchor = entry.anchor && shape.kind !== "alias" ? `&a${index} ` : "";
  if (entry.anchor && shape.kind !== "alias") anchors.add(index);
  if (shape.kind === "alias") return anchors.has(shape.to) ? `*a${shape.to}` : "mit";
  if (shape.kind === "scalar") return anchor + shape.token;
  if (shape.kind === "list") return `${anchor}[${shape.items.join(", ")}]`;
  if (shape.kind === "nested")
    return (
      anchor +
      shape.levels.reduceRight((inner, level, at) => {
        const pair = `{n${at}: ${inner}}`;
        return level === "list" ? `[${pair}]` : pair;
      }, shape.leaf)
    );
  return `${anchor}{${shape.items.map((item, at) => `k${at}: ${item}`).join(", ")}}`;
}

/**
 * A nested block value's lines (`key:`, then `n0:` or `- n0:` and deeper), then a comment at one of the columns
 * around it: column 0, the key's, each level's, or deeper than the last. What an edit of the key may change ends
 * at the last `nN:` line; the comment belongs to what follows.
 */
function nestedLines(shape: Extract<Shape, { kind: "nested" }>, head: string, indent: string, seq: string): string[] {
  const lines = [head];
  const columns = [0, indent.length];
  let column = indent.length + 2;
  shape.levels.forEach((level, at) => {
    const tail = at === shape.levels.length - 1 ? ` ${shape.leaf}` : "";
    if (level === "list") {
      const dash = at === 0 ? indent.length + seq.length : column;
      lines.push(`${" ".repeat(dash)}- n${at}:${tail}`);
      columns.push(dash, dash + 2);
      column = dash + 4;
    } else {
      lines.push(`${" ".repeat(column)}n${at}:${tail}`);
      columns.push(column);
      column += 2;
    }
  });
  columns.push(column);
  lines.push(`${" ".repeat(columns[shape.commentAt % columns.length] ?? 0)}# about n${shape.levels.length - 1}`);
  return lines;
}

const GAPS = { none: [], blank: [""], section: ["", "# ---- Section (owned by another team) ----", ""] };

function renderModelIndex(shape: ModelIndexShape, indent: string, seq: string): string {
  const lines = [`${indent}model-index:`];
  if (shape.comments) lines.push(`${indent}# evaluation`);
  lines.push(`${indent}${seq}- name: my-model`, `${indent}${seq}  results:`);
  for (const [index, result] of shape.results.entries()) {
    const at = `${indent}${seq}  `;
    if (shape.sharedDataset && index > 0) lines.push(`${at}- task: {type: ${result.task}}`, `${at}  dataset: *ds`);
    else if (shape.sharedDataset)
      lines.push(
        `${at}- task: {type: ${result.task}}`,
        `${at}  dataset: &ds {type: ${result.dataset}, name: ${result.dataset.toUpperCase()}}`,
      );
    else if (shape.flowTask)
      lines.push(
        `${at}- task: {type: ${result.task}}`,
        `${at}  dataset: {type: ${result.dataset}, name: ${result.dataset.toUpperCase()}}`,
      );
    else
      lines.push(
        `${at}- task:`,
        `${at}    type: ${result.task}`,
        `${at}  dataset:`,
        `${at}    type: ${result.dataset}`,
        `${at}    name: ${result.dataset.toUpperCase()}`,
      );
    if (shape.flowMetrics) {
      lines.push(
        `${at}  metrics: [${result.metrics.map((metric) => `{type: ${metric.type}, value: ${metric.value}}`).join(", ")}]${shape.comments ? "  # kept" : ""}`,
      );
    } else {
      lines.push(`${at}  metrics:`);
      for (const metric of result.metrics) {
        if (shape.flowMetric)
          lines.push(
            `${at}  - {type: ${metric.type}, value: ${metric.value}}${shape.comments ? "  # as reported" : ""}`,
          );
        else lines.push(`${at}  - type: ${metric.type}`, `${at}    value: ${metric.value}`);
      }
    }
  }
  return lines.join("\n");
}

/** The model-index on one line, for a flow mapping. */
function flowModelIndex(shape: ModelIndexShape): string {
  const results = shape.results.map((result) => {
    const metrics = result.metrics.map((metric) => `{type: ${metric.type}, value: ${metric.value}}`).join(", ");
    return `{task: {type: ${result.task}}, dataset: {type: ${result.dataset}, name: ${result.dataset.toUpperCase()}}, metrics: [${metrics}]}`;
  });
  return `[{name: my-model, results: [${results.join(", ")}]}]`;
}

/** The card's text for a shape. */
export function renderCard(card: CardShape): string {
  const anchors = new Set<number>();
  const { indent } = card;
  const seq = card.indentSeq ? "  " : "";
  let yaml: string;
  if (card.flowTop) {
    const pairs = card.entries.map((entry, index) => `${entry.key}: ${inline(entry, index, anchors)}`);
    if (card.modelIndex) pairs.push(`model-index: ${flowModelIndex(card.modelIndex)}`);
    yaml = `${indent}{${pairs.join(card.entries.length > 2 ? ",\n " : ", ")}}`;
  } else {
    const lines: string[] = [];
    card.entries.forEach((entry, index) => {
      if (entry.comment === "before") lines.push(`${indent}# about ${entry.key}`);
      const { shape } = entry;
      if (shape.kind === "nested") {
        const anchor = entry.anchor ? ` &a${index}` : "";
        if (entry.anchor) anchors.add(index);
        lines.push(...nestedLines(shape, `${indent}${entry.key}:${anchor}`, indent, seq));
      } else if ((shape.kind === "list" || shape.kind === "map") && !shape.flow) {
        const anchor = entry.anchor ? ` &a${index}` : "";
        if (entry.anchor) anchors.add(index);
        lines.push(`${indent}${entry.key}:${anchor}`);
        for (const [at, item] of shape.items.entries()) {
          lines.push(shape.kind === "list" ? `${indent}${seq}- ${item}` : `${indent}  k${at}: ${item}`);
        }
      } else {
        lines.push(
          `${indent}${entry.key}: ${inline(entry, index, anchors)}${entry.comment === "after" ? "  # note" : ""}`,
        );
      }
      lines.push(...GAPS[entry.gap]);
    });
    if (card.modelIndex) lines.push(renderModelIndex(card.modelIndex, indent, seq));
    if (card.documentEnd) lines.push("...");
    yaml = lines.join("\n");
  }
  const text = `---\n${yaml}\n---\n# Model\n`;
  return (card.bom ? "\uFEFF" : "") + (card.crlf ? text.replaceAll("\n", "\r\n") : text);
}

const jsValue = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, tie("scalar"), tie("list"), tie("map")),
  scalar: fc.oneof(
    fc.constantFrom("no", "on", "5e-6", "010", "2024-01-01", "", "multi\nline", "# x", "a: b", "- c", "mit", "null"),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  ),
  list: fc.array(tie("node"), { maxLength: 3 }),
  map: fc.dictionary(fc.constantFrom("a", "b", "on", "x y"), tie("node"), { maxKeys: 3 }),
})).node;

export type EditCase =
  | { kind: "set"; key: string; value: unknown }
  | { kind: "delete"; key: string }
  | { kind: "addEval"; result: EvalResultInput; overwrite: boolean; modelName: string | null };

export const editCase: fc.Arbitrary<EditCase> = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    key: fc.constantFrom(...KEYS, "model-index", "new_key"),
    value: jsValue,
  }),
  fc.record({ kind: fc.constant("delete" as const), key: fc.constantFrom(...KEYS, "model-index") }),
  fc.record({
    kind: fc.constant("addEval" as const),
    overwrite: fc.boolean(),
    modelName: fc.option(fc.constantFrom("my-model", "other")),
    result: fc.record({
      taskType: fc.constantFrom("text-generation", "text-classification"),
      datasetType: fc.constantFrom("wikitext", "sst2"),
      datasetName: fc.constantFrom("WIKITEXT", "SST2", "Other"),
      metricType: fc.constantFrom("accuracy", "f1", "loss", "perplexity"),
      metricValue: fc.oneof(
        fc.constantFrom(97, 100, 0.5, 2, 1e-5),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      ),
    }),
  }),
);

export type Outcome = "applied" | "unchanged" | "refused";

const withoutBom = (text: string) => (text.startsWith("\uFEFF") ? text.slice(1) : text);
const hubReading = (text: string) => (load(splitFrontMatter(withoutBom(text)).yaml) ?? {}) as Record<string, unknown>;

/** The old text's removed range: what lies between the longest common prefix and suffix. */
function changedRange(before: string, after: string): [number, number] {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  return [prefix, before.length - suffix];
}

/**
 * The lines of a top-level key's pair (or of the whole flow mapping) in the card text: from its key's line to its
 * last line of content. Blank and comment lines after that belong to what follows (found here line by line, not
 * from a YAML library's node ranges, which run on over them).
 */
function keyExtent(text: string, key: string): [number, number] | null {
  const body = withoutBom(text);
  const split = splitFrontMatter(body);
  const offset = text.length - body.length + split.opening.length;
  const contents = parseDocument(split.yaml, { uniqueKeys: false }).contents;
  if (!isMap(contents)) return null;
  if (contents.flow) return [offset + (contents.range?.[0] ?? 0), offset + (contents.range?.[1] ?? 0)];
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!pair || !isScalar(pair.key)) return null;
  const yaml = split.yaml;
  const start = yaml.lastIndexOf("\n", (pair.key.range?.[0] ?? 0) - 1) + 1;
  const keyColumn = (pair.key.range?.[0] ?? 0) - start;
  let end = yaml.indexOf("\n", start);
  end = end === -1 ? yaml.length : end + 1;
  // The generated cards hold no block scalars: a line starting with `#` is a comment.
  for (let line = end; line < yaml.length; ) {
    const next = yaml.indexOf("\n", line);
    const lineEnd = next === -1 ? yaml.length : next + 1;
    const content = yaml.slice(line, lineEnd).replace(/\r?\n$/, "");
    const column = content.length - content.trimStart().length;
    const trimmed = content.trim();
    const inside = column > keyColumn || (column === keyColumn && /^-( |$)/.test(trimmed));
    if (trimmed !== "" && !trimmed.startsWith("#")) {
      if (!inside) break;
      end = lineEnd;
    }
    line = lineEnd;
  }
  // The pair's lines with their line breaks (the one before the first line goes when the last pair does).
  const lineBreakBefore = yaml[start - 2] === "\r" ? 2 : 1;
  return [offset + Math.max(0, start - lineBreakBefore), offset + end];
}

function flatResults(data: Record<string, unknown>): string[] {
  return (readModelIndex(data["model-index"]).results ?? []).map((result) => JSON.stringify(result)).sort();
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Applies one edit and checks the guarantee; throws (with the texts) when it does not hold. */
export function checkEdit(text: string, edit: EditCase): Outcome {
  let before: Record<string, unknown>;
  try {
    before = hubReading(text);
  } catch {
    before = {};
  }
  const card = ModelCard.parse(text);
  try {
    if (edit.kind === "set") card.set(edit.key, edit.value);
    else if (edit.kind === "delete") card.delete(edit.key);
    else card.addEvalResult(edit.result, { overwrite: edit.overwrite, modelName: edit.modelName ?? undefined });
  } catch (error) {
    if (!(error instanceof CardEditRefusedError || error instanceof MetadataConflictError)) throw error;
    assert(card.toString() === text, "a refused edit changed the text");
    return "refused";
  }
  const after = card.toString();
  if (after === text) return "unchanged";
  const reading = hubReading(after);
  const [from, to] = changedRange(text, after);
  if (edit.kind === "addEval") {
    const { "model-index": _old, ...othersBefore } = before;
    const { "model-index": _new, ...othersAfter } = reading;
    assert(isDeepStrictEqual(othersAfter, othersBefore), "addEvalResult changed another key");
    const remaining = flatResults(before);
    const added = flatResults(reading).filter((result) => {
      const at = remaining.indexOf(result);
      if (at !== -1) remaining.splice(at, 1);
      return at === -1;
    });
    assert(added.length === 1, `addEvalResult should add or change exactly one result, not ${added.length}`);
    const [result] = added.map((json) => JSON.parse(json));
    assert(
      result.metricType === edit.result.metricType && result.metricValue === edit.result.metricValue,
      "the added result is not the one given",
    );
    const isReplacement = flatResults(reading).length === flatResults(before).length;
    if (isReplacement)
      assert(!text.slice(from, to).includes("\n"), "a changed metric value should touch one line only");
    else if (Object.hasOwn(before, "model-index") && before["model-index"] !== null)
      assert(from === to || text.slice(from, to).trim() === "", "appending a result removed bytes");
    return "applied";
  }
  const expected = structuredClone(before);
  if (edit.kind === "set") expected[edit.key] = structuredClone(edit.value);
  else delete expected[edit.key];
  assert(isDeepStrictEqual(reading, expected), "the Hub does not read the intended metadata");
  const extent = keyExtent(text, edit.key);
  if (extent) {
    const [start, end] = extent;
    const kept =
      after.startsWith(text.slice(0, start)) &&
      after.endsWith(text.slice(end)) &&
      after.length >= start + text.length - end;
    assert(kept, `bytes changed outside ${edit.key}: ${JSON.stringify(text.slice(from, to))}`);
  } else assert(from === to || text.slice(from, to).trim() === "", "adding a key removed bytes");
  return "applied";
}
