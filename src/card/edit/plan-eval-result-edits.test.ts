import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHARED } from "../../../tests/support/shared.js";
import { ModelCard } from "../model-card.js";

const COMMENTED = `---
license: mit
model-index:
# results from our own harness
- name: my-model
  results:
  - task: {type: text-classification}   # flow, on purpose
    dataset: {name: SST-2, type: sst2}
    metrics:
    - {type: accuracy, value: 97.0}   # as reported
    - type: f1
      value: 100.0
---
# Model
`;

const sst2 = { taskType: "text-classification", datasetType: "sst2", datasetName: "SST-2" };

describe("addEvalResult appends one node and keeps every other byte", () => {
  it("appends a metric to its result group, keeping comments, flow style and `97.0`", () => {
    const card = ModelCard.parse(COMMENTED).addEvalResult({ ...sst2, metricType: "precision", metricValue: 0.5 });
    expect(card.toString()).toBe(
      COMMENTED.replace("      value: 100.0\n", "      value: 100.0\n    - type: precision\n      value: 0.5\n"),
    );
  });

  it("appends a result for another dataset to the model's entry", () => {
    const card = ModelCard.parse(COMMENTED).addEvalResult({
      taskType: "text-classification",
      datasetType: "imdb",
      datasetName: "IMDB",
      metricType: "accuracy",
      metricValue: 91.5,
    });
    expect(card.toString()).toBe(
      COMMENTED.replace(
        "      value: 100.0\n",
        "      value: 100.0\n  - task:\n      type: text-classification\n    dataset:\n      name: IMDB\n      type: imdb\n    metrics:\n    - type: accuracy\n      value: 91.5\n",
      ),
    );
  });

  it("appends an entry for another model", () => {
    const card = ModelCard.parse(COMMENTED).addEvalResult(
      { ...sst2, metricType: "accuracy", metricValue: 90 },
      { modelName: "other" },
    );
    expect(card.toString()).toContain("      value: 100.0\n- name: other\n  results:\n  - task:\n");
    expect(card.evalResults?.map((result) => result.metricValue)).toEqual([97, 100, 90]);
  });

  it("changes a metric's value in place, with overwrite, and nothing else", () => {
    const card = ModelCard.parse(COMMENTED).addEvalResult(
      { ...sst2, metricType: "accuracy", metricValue: 98.5 },
      { overwrite: true },
    );
    expect(card.toString()).toBe(COMMENTED.replace("value: 97.0}", "value: 98.5}"));
  });

  it("makes up no model name: a card without one needs modelName", () => {
    const card = ModelCard.parse("---\nlicense: mit\n---\n");
    expect(() => card.addEvalResult({ ...sst2, metricType: "accuracy", metricValue: 0.9 })).toThrow(
      "cannot add an evaluation result: the card has no model name yet; pass modelName (--model-name)",
    );
    card.addEvalResult({ ...sst2, metricType: "accuracy", metricValue: 0.9 }, { modelName: "org/model" });
    expect(card.toString()).toBe(
      "---\nlicense: mit\nmodel-index:\n- name: org/model\n  results:\n  - task:\n      type: text-classification\n    dataset:\n      name: SST-2\n      type: sst2\n    metrics:\n    - type: accuracy\n      value: 0.9\n---\n",
    );
  });

  it("appends to a flow list as flow", () => {
    const text =
      "---\nmodel-index: [{name: m, results: [{task: {type: t}, dataset: {type: d, name: D}, metrics: []}]}]\n---\n";
    const card = ModelCard.parse(text).addEvalResult(
      { taskType: "t", datasetType: "d", datasetName: "D", metricType: "acc", metricValue: 1.5 },
      { modelName: "m" },
    );
    expect(card.toString()).toBe(
      text.replace(
        "metrics: []",
        "metrics: []}, {task: {type: t}, dataset: {name: D, type: d}, metrics: [{type: acc, value: 1.5}]",
      ),
    );
  });

  it("appends one node to a 610 KB model-index: an eight-line diff", () => {
    const text = readFileSync(`${SHARED}corpus/real/02877.md`, "utf8");
    const card = ModelCard.parse(text);
    card.addEvalResult(
      { taskType: "text-generation", datasetType: "org/ds", datasetName: "DS", metricType: "loss", metricValue: 2.5 },
      { modelName: card.modelName ?? undefined },
    );
    const appended =
      "  - task:\n      type: text-generation\n    dataset:\n      name: DS\n      type: org/ds\n    metrics:\n    - type: loss\n      value: 2.5\n";
    const closing = "pipeline_tag: sentence-similarity\n---\n";
    expect(card.toString()).toBe(text.replace(closing, appended + closing));
  });
});

describe("only valid results are written", () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("not refused");
  };

  it("refuses a metric value that is not a finite number, before writing, keeping the card's results", () => {
    for (const [metricValue, shown] of [
      [null, "empty"],
      [Number.NaN, "NaN"],
      [Number.POSITIVE_INFINITY, "Infinity"],
      ["0.5", 'string "0.5"'],
    ] as const) {
      const card = ModelCard.parse(COMMENTED);
      expect(refusal(() => card.addEvalResult({ ...sst2, metricType: "precision", metricValue }))).toBe(
        `cannot add an evaluation result: metricValue must be a finite number, not ${shown}`,
      );
      expect(card.toString()).toBe(COMMENTED);
      expect(card.evalResults).toHaveLength(2);
    }
  });

  it("refuses what the Hub's schema rejects: a missing dataset name, a config that is not a string, a source without url", () => {
    const card = ModelCard.parse(COMMENTED);
    const add = (extra: object) => () =>
      card.addEvalResult({ ...sst2, metricType: "precision", metricValue: 1, ...extra } as never);
    expect(refusal(add({ datasetName: undefined }))).toBe(
      "cannot add an evaluation result: datasetName must be a non-empty string, not empty",
    );
    expect(refusal(add({ datasetConfig: 3 }))).toBe(
      "cannot add an evaluation result: datasetConfig must be a string, not 3",
    );
    expect(refusal(add({ sourceName: "leaderboard" }))).toBe(
      "cannot add an evaluation result: sourceName needs a sourceUrl",
    );
    expect(card.toString()).toBe(COMMENTED);
  });

  it("update refuses a model-index patch holding such a metric, all or nothing", () => {
    const card = ModelCard.parse(COMMENTED);
    const patch = {
      license: "apache-2.0",
      "model-index": [
        {
          name: "my-model",
          results: [
            {
              task: { type: "text-classification" },
              dataset: { name: "SST-2", type: "sst2" },
              metrics: [{ type: "recall", value: null }],
            },
          ],
        },
      ],
    };
    expect(refusal(() => card.update(patch, { overwrite: true }))).toBe(
      "cannot add an evaluation result: metricValue must be a finite number, not empty",
    );
    expect(card.toString()).toBe(COMMENTED);
  });
});
