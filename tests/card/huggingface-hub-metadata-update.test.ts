/**
 * huggingface_hub's own `metadata_update` and EvalResult cases (its `tests/test_repocard.py`), run against
 * `card.update` and `addEvalResult`. Their tests push to a staging Hub; here the card is edited in memory.
 */
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { MetadataConflictError, ModelCard } from "../../src/card/index.js";

/** One ReactionGIF result of their fixtures, as huggingface_hub writes it. */
const reactionGifResult = (value: string, verified: boolean) => `  - task:
      type: text-classification
      name: Text Classification
    dataset:
      name: ReactionGIF
      type: julien-c/reactiongif
      config: default
      split: test
    metrics:
    - type: accuracy
      value: ${value}
      name: Accuracy
      config: default
      verified: ${verified}
`;
const MODEL_INDEX_HEADER = "---\nmodel-index:\n- name: RoBERTa fine-tuned on ReactionGIF\n  results:\n";
const DUMMY_MODELCARD_EVAL_RESULT = `${MODEL_INDEX_HEADER}${reactionGifResult("0.2662102282047272", true)}---\n`;
const BOTH_VERIFIED_AND_UNVERIFIED = `${MODEL_INDEX_HEADER}${reactionGifResult("0.2662102282047272", false)}${reactionGifResult("0.6666666666666666", true)}---\n\nThis is a test model card.\n`;

// biome-ignore lint/suspicious/noExplicitAny: the model-index is navigated as the Python test does
type Loose = any;
const existingMetadata = (): Loose => load(DUMMY_MODELCARD_EVAL_RESULT.replaceAll("---\n", ""));
/** huggingface_hub's `metadata_eval_result(...)` for the ReactionGIF model. */
function metadataEvalResult(fields: {
  metricsPrettyName: string;
  metricsId: string;
  metricsValue: number;
  metricsVerified: boolean;
  datasetPrettyName: string;
  datasetId: string;
}) {
  return {
    "model-index": [
      {
        name: "RoBERTa fine-tuned on ReactionGIF",
        results: [
          {
            task: { type: "text-classification", name: "Text Classification" },
            dataset: { name: fields.datasetPrettyName, type: fields.datasetId, config: "default", split: "test" },
            metrics: [
              {
                type: fields.metricsId,
                value: fields.metricsValue,
                name: fields.metricsPrettyName,
                config: "default",
                verified: fields.metricsVerified,
              },
            ],
          },
        ],
      },
    ],
  };
}

const card = () => ModelCard.parse(DUMMY_MODELCARD_EVAL_RESULT);

describe("huggingface_hub's RepocardMetadataUpdateTest, on card.update", () => {
  it("test_update_dataset_name", () => {
    const edited = card().update({ datasets: ["test/test_dataset"] });
    expect(edited.metadata).toEqual({ ...existingMetadata(), datasets: ["test/test_dataset"] });
  });

  it("test_update_existing_result_with_overwrite", () => {
    const newMetadata = existingMetadata();
    newMetadata["model-index"][0].results[0].metrics[0].value = 0.2862102282047272;
    const edited = card().update(newMetadata, { overwrite: true });
    expect(edited.metadata).toEqual(newMetadata);
    expect(edited.toString()).toBe(DUMMY_MODELCARD_EVAL_RESULT.replace("0.2662102282047272", "0.2862102282047272"));
  });

  it("test_update_verify_token (their #1210: a new verify token replaces the old one)", () => {
    const newMetadata = existingMetadata();
    newMetadata["model-index"][0].results[0].metrics[0].verifyToken = "1234";
    const edited = card().update(newMetadata, { overwrite: true });
    expect(edited.metadata).toEqual(newMetadata);
    expect(edited.toString()).toBe(
      DUMMY_MODELCARD_EVAL_RESULT.replace(
        "      verified: true\n",
        '      verified: true\n      verifyToken: "1234"\n',
      ),
    );
  });

  it("test_metadata_update_upstream: the text a caller read before is left as it was", () => {
    const newMetadata = existingMetadata();
    newMetadata["model-index"][0].results[0].metrics[0].value = 0.1;
    const original = card();
    const text = original.toString();
    original.update(newMetadata, { overwrite: true });
    expect(ModelCard.parse(text).metadata).toEqual(existingMetadata());
    expect(original.metadata).toEqual(newMetadata);
  });

  it("test_update_existing_result_without_overwrite", () => {
    const newMetadata = existingMetadata();
    newMetadata["model-index"][0].results[0].metrics[0].value = 0.2862102282047272;
    const edited = card();
    expect(() => edited.update(newMetadata, { overwrite: false })).toThrow(MetadataConflictError);
    expect(() => edited.update(newMetadata)).toThrow(
      "You passed a new value for the existing metric 'name: Accuracy, type: accuracy'. Set `overwrite=True` to overwrite existing metrics.",
    );
    expect(edited.toString()).toBe(DUMMY_MODELCARD_EVAL_RESULT);
  });

  it("test_update_existing_field_without_overwrite", () => {
    const edited = card().update({ datasets: "['test/test_dataset']" });
    expect(() => edited.update({ datasets: "['test/test_dataset_2']" }, { overwrite: false })).toThrow(
      "You passed a new value for the existing meta data field 'datasets'. Set `overwrite=True` to overwrite existing metadata.",
    );
  });

  it("test_update_new_result_existing_dataset", () => {
    const newResult = metadataEvalResult({
      metricsPrettyName: "Recall",
      metricsId: "recall",
      metricsValue: 0.7762102282047272,
      metricsVerified: false,
      datasetPrettyName: "ReactionGIF",
      datasetId: "julien-c/reactiongif",
    });
    const edited = card().update(newResult, { overwrite: false });
    const expected = existingMetadata();
    expected["model-index"][0].results[0].metrics.push(newResult["model-index"][0]!.results[0]!.metrics[0]);
    expect(edited.metadata).toEqual(expected);
  });

  it("test_update_new_result_new_dataset", () => {
    const newResult = metadataEvalResult({
      metricsPrettyName: "Accuracy",
      metricsId: "accuracy",
      metricsValue: 0.2662102282047272,
      metricsVerified: false,
      datasetPrettyName: "ReactionJPEG",
      datasetId: "julien-c/reactionjpeg",
    });
    const edited = card().update(newResult, { overwrite: false });
    const expected = existingMetadata();
    expected["model-index"][0].results.push(newResult["model-index"][0]!.results[0]);
    expect(edited.metadata).toEqual(expected);
  });

  it("test_update_metadata_on_empty_text_content (their #1010)", () => {
    const edited = ModelCard.parse("---\nlicense: cc-by-sa-4.0\n---\n").update({ tag: "test" });
    expect(edited.metadata).toEqual({ license: "cc-by-sa-4.0", tag: "test" });
    expect(edited.toString()).toBe("---\nlicense: cc-by-sa-4.0\ntag: test\n---\n");
  });

  it("test_update_with_existing_name: an entry without a name keeps the card's model name", () => {
    const newMetadata = existingMetadata();
    delete newMetadata["model-index"][0].name;
    newMetadata["model-index"][0].results[0].metrics[0].value = 0.2862102282047272;
    const edited = card().update(newMetadata, { overwrite: true });
    expect(edited.modelName).toBe("RoBERTa fine-tuned on ReactionGIF");
    expect(edited.evalResults?.[0]?.metricValue).toBe(0.2862102282047272);
  });

  it("test_update_without_existing_name: the name given (their repo id) names the entry", () => {
    const newMetadata = existingMetadata();
    delete newMetadata["model-index"][0].name;
    const edited = ModelCard.parse("# Test").update(newMetadata, { overwrite: true, modelName: "user/repo" });
    expect(edited.modelName).toBe("user/repo");
    expect(() => ModelCard.parse("# Test").update(newMetadata, { overwrite: true })).toThrow(
      "cannot update model-index: an entry has no `name` and the card has no model name; pass modelName",
    );
  });

  it("test_update_with_both_verified_and_unverified_metric (their #1185)", () => {
    const original = ModelCard.parse(BOTH_VERIFIED_AND_UNVERIFIED);
    const edited = ModelCard.parse(BOTH_VERIFIED_AND_UNVERIFIED).update(original.metadata, { overwrite: true });
    expect(edited.evalResults).toHaveLength(2);
    expect(edited.evalResults?.map((result) => [result.verified, result.metricValue])).toEqual([
      [false, 0.2662102282047272],
      [true, 0.6666666666666666],
    ]);
    expect(edited.toString()).toBe(BOTH_VERIFIED_AND_UNVERIFIED);
  });
});

describe("huggingface_hub's EvalResult cases, on addEvalResult", () => {
  const reactionGif = {
    taskType: "text-classification",
    taskName: "Text Classification",
    datasetType: "julien-c/reactiongif",
    datasetName: "ReactionGIF",
    datasetConfig: "default",
    datasetSplit: "test",
    metricType: "accuracy",
    metricName: "Accuracy",
    metricConfig: "default",
  };

  it("test_metadata_eval_result: a card from one result is written as huggingface_hub writes it", () => {
    const created = ModelCard.create({}).addEvalResult(
      { ...reactionGif, metricValue: 0.2662102282047272, verified: true },
      { modelName: "RoBERTa fine-tuned on ReactionGIF" },
    );
    expect(created.metadata).toEqual(existingMetadata());
  });

  it("test_model_card_from_template_eval_results: the same result written at creation", () => {
    const created = ModelCard.create({
      "model-index": existingMetadata()["model-index"],
    });
    expect(created.toString()).toBe(DUMMY_MODELCARD_EVAL_RESULT);
  });

  it("a verified and a self-reported result with the same fields stay two results", () => {
    const edited = card().addEvalResult({ ...reactionGif, metricValue: 0.5, verified: false });
    expect(edited.evalResults?.map((result) => [result.verified, result.metricValue])).toEqual([
      [true, 0.2662102282047272],
      [false, 0.5],
    ]);
  });
});
