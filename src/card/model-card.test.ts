import { describe, expect, it } from "vitest";
import { MetadataConflictError } from "./metadata-conflict-error.js";
import { ModelCard } from "./model-card.js";

const CARD = `---
# Licence chosen by legal
license: mit   # keep this comment
language:
  - en
tags: [a, b]
model-index:
- name: my-model
  results:
  - task:
      type: text-generation
    dataset:
      name: Wiki
      type: wikitext
    metrics:
    - type: perplexity
      value: 9.8
      name: Perplexity
---
# My model
`;

describe("edits keep everything they do not touch", () => {
  it("replaces a scalar value in place, keeping comments around it", () => {
    const card = ModelCard.parse(CARD).set("license", "apache-2.0");
    expect(card.toString()).toBe(CARD.replace("license: mit", "license: apache-2.0"));
  });

  it("writes a new key in the block's style, before model-index", () => {
    const card = ModelCard.parse(CARD).set("datasets", ["org/data"]);
    expect(card.toString()).toContain("tags: [a, b]\ndatasets:\n  - org/data\nmodel-index:");
  });

  it("quotes strings that YAML 1.1 reads as something else and writes floats PyYAML can read", () => {
    const card = ModelCard.parse("---\na: 1\n---\n");
    card.set("language", ["en", "no", "on"]).set("learning_rate", 5e-7).set("when", "2024-01-01").set("octal", "010");
    expect(card.frontMatter).toBe(
      'a: 1\nlanguage:\n- en\n- "no"\n- "on"\nlearning_rate: 5.0e-07\nwhen: "2024-01-01"\noctal: "010"',
    );
    expect(card.metadata).toMatchObject({
      language: ["en", "no", "on"],
      learning_rate: 5e-7,
      when: "2024-01-01",
      octal: "010",
    });
    expect(card.crossReaderDifferences).toEqual([]);
  });

  it("deletes a key and its lines only", () => {
    const card = ModelCard.parse(CARD).delete("language");
    expect(card.toString()).toBe(CARD.replace("language:\n  - en\n", ""));
  });

  it("keeps CRLF line endings in new lines", () => {
    const card = ModelCard.parse("---\r\na: 1\r\n---\r\nbody\r\n").set("tags", ["x", "z"]);
    expect(card.toString()).toBe("---\r\na: 1\r\ntags:\r\n- x\r\n- z\r\n---\r\nbody\r\n");
  });

  it("adds a block to a card that has none, keeping the body", () => {
    const card = ModelCard.parse("# Title\n\nText\n").set("license", "mit");
    expect(card.toString()).toBe("---\nlicense: mit\n---\n# Title\n\nText\n");
  });

  it("refuses to edit a card whose YAML is broken", () => {
    expect(() => ModelCard.parse("---\na: [\n---\n").set("b", 1)).toThrow(
      "cannot set b: the Hub cannot read this card's front matter (unexpected end of the stream within a flow collection at line 3, column 1); fix it first",
    );
  });

  it("creates a card the way huggingface_hub writes one, model-index last", () => {
    const card = ModelCard.create(
      { "model-index": [{ name: "m", results: [] }], license: "mit", lr: 5e-6 },
      "# Body\n",
    );
    expect(card.toString()).toBe(
      "---\nlicense: mit\nlr: 0.000005\nmodel-index:\n- name: m\n  results: []\n---\n# Body\n",
    );
  });
});

describe("update() follows metadata_update", () => {
  it("needs overwrite to change an existing non-null value, with huggingface_hub's message", () => {
    const card = ModelCard.parse(CARD);
    expect(() => card.update({ license: "apache-2.0" })).toThrow(MetadataConflictError);
    expect(() => card.update({ license: "apache-2.0" })).toThrow(
      "You passed a new value for the existing meta data field 'license'. Set `overwrite=True` to overwrite existing metadata.",
    );
    card.update({ license: "apache-2.0", pipeline_tag: "text-generation" }, { overwrite: true });
    expect(card.metadata).toMatchObject({ license: "apache-2.0", pipeline_tag: "text-generation" });
  });

  it("sets a null value and an equal value without overwrite", () => {
    const card = ModelCard.parse("---\nlicense: mit\nbase_model:\n---\n");
    card.update({ base_model: "org/base", license: "mit" });
    expect(card.toString()).toBe("---\nlicense: mit\nbase_model: org/base\n---\n");
  });
});

describe("evaluation results", () => {
  const perplexity = {
    taskType: "text-generation",
    datasetType: "wikitext",
    datasetName: "Wiki",
    metricType: "perplexity",
    metricName: "Perplexity",
  };

  it("flattens model-index into one result per metric with every field", () => {
    const card = ModelCard.parse(CARD);
    expect(card.modelName).toBe("my-model");
    expect(card.evalResults).toEqual([
      {
        taskType: "text-generation",
        taskName: null,
        datasetType: "wikitext",
        datasetName: "Wiki",
        datasetConfig: null,
        datasetSplit: null,
        datasetRevision: null,
        datasetArgs: null,
        metricType: "perplexity",
        metricValue: 9.8,
        metricName: "Perplexity",
        metricConfig: null,
        metricArgs: null,
        verified: null,
        verifyToken: null,
        sourceName: null,
        sourceUrl: null,
      },
    ]);
  });

  it("names the entry and key of an invalid model-index", () => {
    const card = ModelCard.parse(
      "---\nmodel-index:\n- name: m\n  results:\n  - task: {type: t}\n    metrics: []\n---\n",
    );
    expect(card.evalResults).toBeNull();
    expect(card.problems).toMatchObject([
      {
        code: "invalid-model-index",
        line: 5,
        message: expect.stringContaining("model-index[0].results[0].dataset: `dataset` is required"),
      },
    ]);
  });

  it("keeps the reader's problems apart from the model-index check, which runs only when asked for", () => {
    const card = ModelCard.parse("---\nlicense: mit\nlicense: apache-2.0\n---\n");
    expect(card.readerProblems.map((problem) => problem.code)).toEqual(["duplicate-key"]);
    const badIndex = ModelCard.parse("---\nmodel-index:\n- name: m\n  results: 5\n---\n");
    expect(badIndex.readerProblems).toEqual([]);
    expect(badIndex.problems.map((problem) => problem.code)).toEqual(["invalid-model-index"]);
    expect(badIndex.problems[0]).toMatchObject({ line: 4 });
  });

  it("rejects a source name without url, as huggingface_hub does", () => {
    const card = ModelCard.parse(
      "---\nmodel-index:\n- name: m\n  results:\n  - task: {type: t}\n    dataset: {type: d, name: D}\n    metrics: [{type: acc, value: 1}]\n    source: {name: Leaderboard}\n---\n",
    );
    expect(card.problems[0]?.message).toContain("model-index[0].results[0].source.url");
  });

  it("matches on everything but the value: a new value needs overwrite", () => {
    const card = ModelCard.parse(CARD);
    card.addEvalResult({ ...perplexity, metricValue: 9.8 });
    expect(card.toString()).toBe(CARD);
    expect(() => card.addEvalResult({ ...perplexity, metricValue: 7.5 })).toThrow(
      "You passed a new value for the existing metric 'name: Perplexity, type: perplexity'. Set `overwrite=True` to overwrite existing metrics.",
    );
    card.addEvalResult({ ...perplexity, metricValue: 7.5 }, { overwrite: true });
    expect(card.evalResults?.map((result) => result.metricValue)).toEqual([7.5]);
    expect(card.toString()).toBe(CARD.replace("value: 9.8", "value: 7.5"));
  });

  it("appends to the matching result group, or a new group that keeps its own names", () => {
    const card = ModelCard.parse(CARD);
    card.addEvalResult({ ...perplexity, metricType: "loss", metricName: "Loss", metricValue: 2.28 });
    card.addEvalResult({
      ...perplexity,
      datasetName: "Wiki (test)",
      datasetSplit: "test",
      metricValue: 10.1,
      taskName: "Text Generation",
    });
    expect(
      card.evalResults?.map((result) => [
        result.datasetName,
        result.datasetSplit,
        result.taskName,
        result.metricType,
        result.metricValue,
      ]),
    ).toEqual([
      ["Wiki", null, null, "perplexity", 9.8],
      ["Wiki", null, null, "loss", 2.28],
      ["Wiki (test)", "test", "Text Generation", "perplexity", 10.1],
    ]);
    expect(card.metadata["model-index"]).toMatchObject([
      { name: "my-model", results: [{ metrics: [{}, {}] }, { dataset: { split: "test" } }] },
    ]);
    expect(card.body).toBe("# My model\n");
  });

  it("keeps verified and self-reported results apart", () => {
    const card = ModelCard.parse(CARD);
    card.addEvalResult({ ...perplexity, metricValue: 9.9, verified: true });
    expect(card.evalResults?.map((result) => [result.verified, result.metricValue])).toEqual([
      [null, 9.8],
      [true, 9.9],
    ]);
  });
});

describe("strings js-yaml would read as something else are quoted", () => {
  it("writes `._0` (a float to js-yaml, a string to YAML 1.2's core schema) quoted, as key and as value", () => {
    const created = ModelCard.create({ a: [{ "._0": "" }] });
    expect(created.toString()).toBe('---\na:\n- "._0": ""\n---\n');
    expect(created.metadata).toEqual({ a: [{ "._0": "" }] });
    const card = ModelCard.parse("---\nlicense: mit\n---\n");
    card.set("version", ".5");
    expect(card.toString()).toBe('---\nlicense: mit\nversion: ".5"\n---\n');
    expect(card.metadata.version).toBe(".5");
  });
});
