import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelCard, splitFrontMatter } from "../../src/card/index.js";

const newline = fc.constantFrom("\n", "\r\n");
const yamlLine = fc.oneof(
  fc.constantFrom(
    "license: mit",
    "tags:",
    "- a",
    "  - b",
    "# comment",
    "",
    "language: no",
    "lr: 5e-6",
    "key: 'quoted'",
    'x: "a\\tb"',
    "bad: [",
    "dup: 1",
    "dup: 2",
    "\tb: tab",
    "on: yes",
    "- list item",
    "k: |",
    "  literal",
    "...",
    "--- ",
    "a: &x 1",
    "b: *x",
    "__proto__: 1",
    "1: one",
  ),
  fc.string({ maxLength: 30 }).map((text) => text.replace(/[\r\n]/g, " ")),
);
const bodyLine = fc.oneof(
  fc.constantFrom("# Title", "---", "```yaml", "```", "", "text --- text"),
  fc.string({ maxLength: 40 }),
);

/** Texts shaped like cards: optional BOM and leading blank lines, fences with odd spacing, mixed line endings. */
const cardText = fc
  .record({
    bom: fc.boolean(),
    leading: fc.array(fc.constantFrom("", " ", "\t"), { maxLength: 2 }),
    opening: fc.constantFrom("---", "---", "--- ", "----", "text before"),
    yaml: fc.array(fc.tuple(yamlLine, newline), { maxLength: 12 }),
    closing: fc.constantFrom("---", "---  ", "---\t", "...", ""),
    body: fc.array(fc.tuple(bodyLine, newline), { maxLength: 8 }),
    end: fc.constantFrom("", "\n", "\r\n"),
  })
  .map(
    ({ bom, leading, opening, yaml, closing, body, end }) =>
      (bom ? "\uFEFF" : "") +
      leading.map((space) => `${space}\n`).join("") +
      `${opening}\n` +
      yaml.map(([line, eol]) => line + eol).join("") +
      closing +
      (body.length > 0 || end ? "\n" : "") +
      body.map(([line, eol]) => line + eol).join("") +
      end,
  );

describe("round trip of generated cards", () => {
  it("never throws and writes every card back byte for byte", () => {
    fc.assert(
      fc.property(cardText, (text) => {
        const card = ModelCard.parse(text);
        expect(card.toString()).toBe(text);
        for (const problem of card.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("splits into parts that concatenate to the input", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { opening, yaml, closing, body } = splitFrontMatter(text);
        expect(opening + yaml + closing + body).toBe(text);
      }),
    );
  });

  it("reads the metadata that was written, for any JSON-like data", () => {
    const data = fc.dictionary(fc.stringMatching(/^[a-z][a-z_-]{0,10}$/), fc.jsonValue({ maxDepth: 3 }), {
      maxKeys: 6,
    });
    fc.assert(
      fc.property(data, (metadata) => {
        const card = ModelCard.create(metadata, "# Body\n");
        // Keys like "prototype" get an unsafe-key warning; nothing may be an error.
        expect(card.problems.filter((problem) => problem.severity === "error")).toEqual([]);
        expect(card.metadata).toEqual(metadata);
        expect(card.crossReaderDifferences).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
