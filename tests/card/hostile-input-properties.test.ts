import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CardEditRefusedError, MAX_NESTING_DEPTH, MetadataConflictError, ModelCard } from "../../src/card/index.js";
import { lintText } from "../../src/lint/index.js";
import { HOSTILE_CARDS } from "../support/hostile-cards.js";

/** Deep nesting in each style, around the limit and far past it. */
const depth = fc.oneof(
  fc.integer({ min: MAX_NESTING_DEPTH - 3, max: MAX_NESTING_DEPTH + 3 }),
  fc.integer({ min: 1, max: 6000 }),
);
const nested = fc.oneof(
  depth.map((levels) => `deep: ${"[".repeat(levels)}${"]".repeat(levels)}`),
  depth.map((levels) => `deep: ${"{a: ".repeat(levels)}1${"}".repeat(levels)}`),
  depth.map((levels) => `deep:\n${"- ".repeat(levels)}x`),
  depth.map(
    (levels) =>
      `deep:\n- a:\n${Array.from({ length: Math.min(levels, 2500) }, (_, i) => `${" ".repeat(i + 2)}k:`).join("\n")} v`,
  ),
  depth.map((levels) => `deep: ${"[".repeat(levels)}`),
  depth.map((levels) => `deep: ${"]".repeat(levels)}${"[".repeat(levels)}`),
);
const longLine = fc
  .tuple(
    fc.constantFrom("description: ", "tags: [", "'", "# ", 'k: "', ""),
    fc.integer({ min: 10_000, max: 400_000 }),
    fc.constantFrom("x", "a b ", "é", "\t", "[", "{", "- "),
  )
  .map(([start, length, unit]) => `${start}${unit.repeat(Math.ceil(length / unit.length))}`);
const aliasChain = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([levels, width]) => {
  const lines = ["l0: &l0 [x, x]"];
  for (let level = 1; level <= levels; level++)
    lines.push(
      `l${level}: &l${level} [${Array(width)
        .fill(`*l${level - 1}`)
        .join(", ")}]`,
    );
  return lines.join("\n");
});
const controlBytes = fc
  .array(
    fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f),
    { minLength: 1, maxLength: 8 },
  )
  .map((codes) => `title: a${String.fromCharCode(...codes)}b`);
const plain = fc.constantFrom(
  "license: mit",
  "tags: [a, b]",
  "model-index:\n- name: m\n  results: []",
  "",
  "a: &x 1\nb: *x",
);
const fragment = fc.oneof({ weight: 3, arbitrary: nested }, longLine, aliasChain, controlBytes, plain);

/** Cards made of hostile fragments, each in front matter and some in the body too. */
const hostileCard = fc
  .tuple(fc.array(fragment, { minLength: 1, maxLength: 3 }), fc.constantFrom("\n", "\r\n"), fc.boolean())
  .map(([fragments, newline, bodyToo]) =>
    `---\n${fragments.join("\n")}\n---\n# Card\n${bodyToo ? fragments.join("\n") : ""}`.replace(/\n/g, newline),
  );

/** What the library may throw on content: its documented, typed refusals. */
function expectOnlyTypedRefusals(edit: () => unknown): void {
  try {
    edit();
  } catch (error) {
    expect(error instanceof CardEditRefusedError || error instanceof MetadataConflictError, String(error)).toBe(true);
  }
}

function checkCard(text: string): void {
  const card = ModelCard.parse(text);
  expect(card.toString()).toBe(text);
  void card.problems;
  void card.crossReaderDifferences;
  void card.evalResults;
  void card.document;
  void card.locate(["deep"]);
  const messages = lintText(text);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  expectOnlyTypedRefusals(() => ModelCard.parse(text).set("license", "apache-2.0"));
  expectOnlyTypedRefusals(() => ModelCard.parse(text).set("deep", [[["x"]]]));
  expectOnlyTypedRefusals(() => ModelCard.parse(text).delete("deep"));
  expectOnlyTypedRefusals(() => ModelCard.parse(text).update({ license: "mit", tags: ["a"] }, { overwrite: true }));
  expectOnlyTypedRefusals(() =>
    ModelCard.parse(text).addEvalResult({
      taskType: "text-generation",
      datasetType: "wikitext",
      datasetName: "WikiText",
      metricType: "perplexity",
      metricValue: 12.5,
    }),
  );
}

describe("hostile input", () => {
  it("the fixed hostile cards are read, linted and edited without an exception escaping", () => {
    for (const text of Object.values(HOSTILE_CARDS)) checkCard(text);
  });

  it("generated hostile cards: ModelCard.parse, lintText and every edit throw nothing but their typed refusals", () => {
    fc.assert(fc.property(hostileCard, checkCard), { numRuns: 40 });
  });

  it("a value nested past the limit is refused by set, not written", () => {
    let value: unknown = "x";
    for (let level = 0; level < 5000; level++) value = [value];
    const card = ModelCard.parse("---\nlicense: mit\n---\n");
    expect(() => card.set("deep", value)).toThrow(CardEditRefusedError);
    expect(card.toString()).toBe("---\nlicense: mit\n---\n");
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => card.set("cyclic", cyclic)).toThrow(/nests more than/);
    // Lists sharing their items, as aliases do, nested past the limit: 2^300 paths, answered at once.
    let shared: unknown = "x";
    for (let level = 0; level < 300; level++) shared = [shared, shared];
    expect(() => card.set("shared", shared)).toThrow(/nests more than/);
  });
});
