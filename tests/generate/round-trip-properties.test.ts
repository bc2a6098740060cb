import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { generateCard, type InputValues } from "../../src/generate/index.js";
import { lintCard } from "../../src/lint/index.js";

/** Texts that YAML 1.1 or 1.2 would read as something else when written plain. */
const trickyText = fc.oneof(
  fc.constantFrom(
    "yes",
    "no",
    "on",
    "off",
    "null",
    "~",
    "1.0",
    "5e-6",
    "0x1F",
    "010",
    "2024-01-01",
    "- a",
    "a: b",
    "#x",
  ),
  fc.string({ minLength: 1, maxLength: 20 }).filter((text) => text.trim() !== ""),
);

const inputs = fc.record(
  {
    "model-name": trickyText,
    "dataset-name": trickyText,
    "training-config": trickyText,
    "trainer-type": trickyText,
    tag: fc.array(trickyText, { maxLength: 3 }),
    "batch-size": fc.integer({ min: 1, max: 4096 }),
    "learning-rate": fc.double({ min: 1e-9, max: 1, noNaN: true }),
    "max-epochs": fc.integer({ min: 1, max: 100 }),
    "training-loss": fc.double({ min: 0, max: 20, noNaN: true }),
    "validation-loss": fc.double({ min: 0, max: 20, noNaN: true }),
    "quantized-models": fc.boolean(),
    set: fc.dictionary(fc.constantFrom("note", "owner", "budget"), fc.oneof(trickyText, fc.double({ noNaN: true }))),
  },
  { requiredKeys: ["model-name", "dataset-name"] },
);

describe("generated cards, property-based", () => {
  it("read back identically, with no YAML 1.1 / 1.2 disagreement and numeric metric values", async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (values) => {
        const { card, metadata } = await generateCard({
          values: { profile: "smollm3", ...(values as InputValues) },
          hardwareProbe: null,
          curvesFileName: null,
        });
        const reread = ModelCard.parse(card.toString());
        expect(reread.metadata).toEqual(metadata);
        expect(reread.problems).toEqual([]);
        expect(reread.crossReaderDifferences).toEqual([]);
        for (const result of reread.evalResults ?? []) expect(typeof result.metricValue).toBe("number");
      }),
      { numRuns: 60 },
    );
  });

  it("lint without errors for any seed-shaped input", async () => {
    const seedShaped = fc.record({
      "model-name": fc.stringMatching(/^[A-Za-z][A-Za-z0-9 -]{0,30}$/),
      // A name the Hub takes as a dataset id: huggingface_hub refuses `--` in ids.
      "dataset-name": fc.stringMatching(/^[A-Za-z](?:-?[A-Za-z0-9]){0,10}-?$/),
      "batch-size": fc.integer({ min: 1, max: 512 }),
      "learning-rate": fc.double({ min: 1e-7, max: 1e-2, noNaN: true }),
      "training-loss": fc.double({ min: 0.01, max: 10, noNaN: true }),
      "validation-loss": fc.double({ min: 0.01, max: 10, noNaN: true }),
      "quantized-models": fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(seedShaped, async (values) => {
        const { card } = await generateCard({
          values: { profile: "smollm3", ...values },
          hardwareProbe: null,
          curvesFileName: null,
        });
        expect(lintCard(card).filter((message) => message.severity === "error")).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
