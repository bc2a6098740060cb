import fc from "fast-check";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { type EvalResultsEntry, EvalResultsFile } from "../../src/eval-results/index.js";
import { renderEvalResultsEntry } from "../../src/eval-results/render-eval-results-entry.js";

const text = fc.oneof(
  fc.constantFrom("no", "yes", "on", "2024-01-01", "5e-6", "010", "null", "~", "key: value", "# x", "- item", "it's"),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const entryArbitrary = (index: number) =>
  fc
    .record(
      {
        value: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
        date: fc.constantFrom("2026-02-03", "2026-02-03T10:00:00Z"),
        notes: text,
        source: fc.record({ url: fc.webUrl(), name: fc.option(text, { nil: undefined }) }),
      },
      { requiredKeys: ["value"] },
    )
    .map(
      ({ source, ...rest }): EvalResultsEntry => ({
        dataset: { id: `org/bench-${index}`, task_id: "default" },
        ...rest,
        ...(source
          ? { source: source.name === undefined ? { url: source.url } : { url: source.url, name: source.name } }
          : {}),
      }),
    );

interface Built {
  text: string;
  entries: EvalResultsEntry[];
  /** Each entry's text: its lines in a block list, the item alone in a flow list. */
  spans: [number, number][];
  flow: boolean;
}

/** A file in block or flow style, with comments and blank lines between entries, dates quoted or not. */
const fileArbitrary: fc.Arbitrary<Built> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean())
  .chain(([count, flow, unquoteDates]) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: count }, (_, index) => entryArbitrary(index))),
      fc.array(fc.constantFrom("", "# a comment\n", "\n"), { minLength: count + 1, maxLength: count + 1 }),
      fc.constant(flow),
      fc.constant(unquoteDates),
    ),
  )
  .map(([entries, gaps, flow, unquoteDates]) => {
    const spans: [number, number][] = [];
    const unquote = (rendered: string) => (unquoteDates ? rendered.replace(/date: '([^']*)'/, "date: $1") : rendered);
    if (flow) {
      let out = "[";
      entries.forEach((entry, index) => {
        if (index > 0) out += ", ";
        const start = out.length;
        out += unquote(renderEvalResultsEntry(entry, { indent: 2, inline: true }));
        spans.push([start, out.length]);
      });
      return { text: `${out}]\n`, entries, spans, flow };
    }
    let out = "";
    entries.forEach((entry, index) => {
      out += gaps[index] ?? "";
      const start = out.length;
      out += `- ${unquote(renderEvalResultsEntry(entry, { indent: 2, inline: false }))
        .split("\n")
        .join("\n  ")}\n`;
      spans.push([start, out.length]);
    });
    return { text: out + (gaps[entries.length] ?? ""), entries, spans, flow };
  });

/** The region of `before` that `after` changed: common prefix and suffix left out. */
function changedRegion(before: string, after: string): [number, number] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  return [prefix, before.length - suffix];
}

describe("edit promises (property tests)", () => {
  it("reading keeps the text byte for byte and gives js-yaml's reading", () => {
    fc.assert(
      fc.property(fileArbitrary, fc.boolean(), ({ text }, crlf) => {
        const source = crlf ? text.replaceAll("\n", "\r\n") : text;
        const file = EvalResultsFile.parse(source);
        expect(file.toString()).toBe(source);
        expect(file.problems).toEqual([]);
        expect(file.items.map((item) => item.data)).toEqual(load(source));
      }),
      { numRuns: 100 },
    );
  });

  it("an added entry is read back as given; the old text is untouched", () => {
    fc.assert(
      fc.property(fileArbitrary, entryArbitrary(99), ({ text: before }, entry) => {
        const after = EvalResultsFile.parse(before).add(entry).toString();
        expect(load(after)).toEqual([...(load(before) as unknown[]), EvalResultsFile.parse("").add(entry).entries[0]]);
        const [start, end] = changedRegion(before, after);
        expect(end).toBe(start); // only an insertion
      }),
      { numRuns: 100 },
    );
  });

  it("a replaced entry changes within its own span, the others read the same", () => {
    fc.assert(
      fc.property(
        fileArbitrary.chain((built) =>
          fc.tuple(fc.constant(built), fc.nat(built.entries.length - 1), entryArbitrary(0)),
        ),
        ([built, target, replacement]) => {
          const entry = { ...replacement, dataset: { id: `org/bench-${target}`, task_id: "default" } };
          const file = EvalResultsFile.parse(built.text);
          const expected = (load(built.text) as unknown[]).map((item, index) =>
            index === target ? EvalResultsFile.parse("").add(entry).entries[0] : item,
          );
          const after = file.replace(entry, { datasetId: `org/bench-${target}`, taskId: "default" }).toString();
          expect(load(after)).toEqual(expected);
          const [start, end] = changedRegion(built.text, after);
          const [spanStart, spanEnd] = built.spans[target] as [number, number];
          expect(start).toBeGreaterThanOrEqual(spanStart);
          expect(end).toBeLessThanOrEqual(spanEnd);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a removed entry takes only its own span with it", () => {
    fc.assert(
      fc.property(
        fileArbitrary.chain((built) => fc.tuple(fc.constant(built), fc.nat(built.entries.length - 1))),
        ([built, target]) => {
          const after = EvalResultsFile.parse(built.text)
            .remove({ datasetId: `org/bench-${target}`, taskId: "default" })
            .toString();
          const expected = (load(built.text) as unknown[]).filter((_, index) => index !== target);
          expect(load(after) ?? []).toEqual(expected);
          const [start, end] = built.spans[target] as [number, number];
          const cut = (from: number, to: number) => built.text.slice(0, from) + built.text.slice(to);
          // A block entry goes with its lines; a flow item with one separator, after it or (the last) before it.
          const candidates = built.flow
            ? [cut(start, end + 2), cut(start - 2, end), cut(start, end)]
            : [cut(start, end)];
          expect(candidates).toContain(after);
        },
      ),
      { numRuns: 100 },
    );
  });
});
