import * as jsYaml from "js-yaml";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ModelCard } from "../../src/card/index.js";

// Every js-yaml `load` the card makes, counted: the Hub's reader is the one read an edit needs.
vi.mock("js-yaml", async (importOriginal) => {
  const original = await importOriginal<typeof import("js-yaml")>();
  return { ...original, load: vi.fn(original.load) };
});
const load = vi.mocked(jsYaml.load);

const CARD = "---\n# kept\nlicense: mit\ntags:\n- a\nmodel-index:\n- name: m\n  results: []\n---\n# Model\n";

describe("an edit reuses what the card already read", () => {
  beforeEach(() => load.mockClear());

  it("one set on a parsed card reads the result once (the verification), and that reading is the card's", () => {
    const card = ModelCard.parse(CARD);
    expect(card.metadata.license).toBe("mit");
    load.mockClear();
    card.set("license", "apache-2.0");
    expect(load).toHaveBeenCalledTimes(1);
    // The new reading is the verified one: reading the metadata again costs nothing.
    expect(card.metadata).toEqual({ license: "apache-2.0", tags: ["a"], "model-index": [{ name: "m", results: [] }] });
    expect(card.toString()).toBe(CARD.replace("license: mit", "license: apache-2.0"));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("one read per edit: delete, addEvalResult, and a refused edit reads nothing beyond its check", () => {
    const card = ModelCard.parse(CARD);
    load.mockClear();
    card.delete("tags");
    expect(load).toHaveBeenCalledTimes(1);
    card.addEvalResult(
      { taskType: "t", datasetType: "d", datasetName: "D", metricType: "acc", metricValue: 1 },
      { modelName: "m" },
    );
    expect(load).toHaveBeenCalledTimes(2);
    load.mockClear();
    expect(() => card.set("license", new Map())).toThrow("the Hub would read back different metadata than intended");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("a refused step of update restores the card's text and reading without reading again", () => {
    const card = ModelCard.parse(CARD);
    load.mockClear();
    expect(() => card.update({ license: "apache-2.0", when: new Map() }, { overwrite: true })).toThrow();
    const reads = load.mock.calls.length;
    expect(card.toString()).toBe(CARD);
    expect(card.metadata.license).toBe("mit");
    expect(load).toHaveBeenCalledTimes(reads);
  });
});

describe("a card's readings cannot be changed behind its back", () => {
  it("metadata is deeply frozen: mutating it throws, and update still sees the text's value", () => {
    const card = ModelCard.parse(CARD);
    expect(() => {
      (card.metadata as Record<string, unknown>).license = "apache-2.0";
    }).toThrow(TypeError);
    expect(() => (card.metadata.tags as string[]).push("b")).toThrow(TypeError);
    expect(() => {
      ((card.metadata["model-index"] as { name: string }[])[0] as { name: string }).name = "x";
    }).toThrow(TypeError);
    card.update({ license: "apache-2.0" }, { overwrite: true });
    expect(card.toString()).toBe(CARD.replace("license: mit", "license: apache-2.0"));
    expect(Object.isFrozen(card.metadata)).toBe(true);
  });

  it("evalResults and problems are frozen too", () => {
    const card = ModelCard.parse(
      "---\nname: caf\u00e9\nmodel-index:\n- name: m\n  results:\n  - task: {type: t}\n    dataset: {type: d, name: D}\n    metrics: [{type: acc, value: 1}]\n---\n",
    );
    const results = card.evalResults ?? [];
    expect(results).toHaveLength(1);
    expect(() => (results as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (results[0] as { metricValue: unknown }).metricValue = 2;
    }).toThrow(TypeError);
    const bad = ModelCard.parse("---\na: 1\n\tb: 2\n---\n");
    expect(bad.problems.length).toBeGreaterThan(0);
    expect(() => (bad.problems as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (bad.problems[0] as { message: string }).message = "";
    }).toThrow(TypeError);
  });
});
