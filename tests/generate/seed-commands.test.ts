import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { generateCard } from "../../src/generate/index.js";
import { lintCard } from "../../src/lint/index.js";
import { memoryIo } from "../support/memory-io.js";

/** The seed's "Basic Model Card Generation" command, with --profile smollm3. */
const SEED_BASIC = [
  "--profile",
  "smollm3",
  "--repo-name",
  "username/model-name",
  "--model-name",
  "My Fine-tuned Model",
  "--dataset-name",
  "OpenHermes-FR",
  "--training-config",
  "H100 Lightweight",
  "--batch-size",
  "8",
  "--learning-rate",
  "5e-6",
  "--max-epochs",
  "3",
  "--training-loss",
  "2.1",
  "--validation-loss",
  "2.3",
  "--perplexity",
  "9.8",
];

const DATASET = { name: "OpenHermes-FR", type: "OpenHermes-FR" };
const MAIN_ENTRY = {
  name: "My Fine-tuned Model",
  results: [
    {
      task: { type: "text-generation" },
      dataset: DATASET,
      metrics: [
        { name: "Training Loss", type: "loss", value: 2.1 },
        { name: "Validation Loss", type: "loss", value: 2.3 },
        { name: "Perplexity", type: "perplexity", value: 9.8 },
      ],
    },
  ],
};
const variantEntry = (label: string, reduction: number) => ({
  name: `My Fine-tuned Model (${label} quantized)`,
  results: [
    {
      task: { type: "text-generation" },
      dataset: DATASET,
      // No variant folder to measure: the seed's nominal figures, labelled so.
      metrics: [{ name: "Memory Reduction (nominal)", type: "memory_efficiency", value: reduction }],
    },
  ],
});

async function runSeedCommand(extra: string[]) {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-seed-"));
  const terminal = memoryIo({ cwd: folder });
  const code = await cli(
    ["generate", ...SEED_BASIC, ...extra, "--hardware-info", "GPU (H100/A100)", "--output", "README.md"],
    terminal.io,
  );
  const text = readFileSync(join(folder, "README.md"), "utf8");
  return { code, stderr: terminal.stderr(), text, card: ModelCard.parse(text) };
}

function expectSeedCore(metadata: Record<string, unknown>, quantized: boolean) {
  expect(metadata.language).toEqual(["en", "fr"]);
  expect(metadata.license).toBe("apache-2.0");
  expect(metadata.library_name).toBe("transformers");
  expect(metadata.tags).toEqual([
    "smollm3",
    "fine-tuned",
    "causal-lm",
    "text-generation",
    ...(quantized ? ["quantized"] : []),
    "dataset:OpenHermes-FR",
    "config:H100 Lightweight",
    // What TRL writes for an SFTTrainer run.
    "generated_from_trainer",
    "trl",
    "sft",
  ]);
  expect(metadata.pipeline_tag).toBe("text-generation");
  expect(metadata.base_model).toBe("HuggingFaceTB/SmolLM3-3B");
  expect(metadata.datasets).toEqual(["OpenHermes-FR"]);
  expect(metadata.training_config).toBe("H100 Lightweight");
  expect(metadata.trainer_type).toBe("SFTTrainer");
  expect(metadata.hardware).toBe("GPU (H100/A100)");
  // Real types, not the seed's strings.
  expect(metadata.batch_size).toBe(8);
  expect(metadata.learning_rate).toBe(5e-6);
  expect(metadata.max_epochs).toBe(3);
}

describe("the seed's example commands with --profile smollm3", () => {
  it("basic: the seed's metadata field by field, numbers as numbers, no quantization", async () => {
    const { code, card, text } = await runSeedCommand([]);
    expect(code).toBe(0);
    const metadata = card.metadata;
    expectSeedCore(metadata, false);
    expect(metadata).not.toHaveProperty("quantization_types");
    expect(metadata["model-index"]).toEqual([MAIN_ENTRY]);
    expect(Object.keys(metadata)).toEqual([
      "language",
      "license",
      "library_name",
      "tags",
      "pipeline_tag",
      "base_model",
      "datasets",
      "hardware",
      "training_config",
      "trainer_type",
      "batch_size",
      "learning_rate",
      "max_epochs",
      "model-index",
    ]);
    expect(text).not.toMatch(/N\/A|~50%|Faster/);
  });

  it("with --quantized-models: quantization_types and one model-index entry per variant, memory reduction 50 / 75", async () => {
    const { code, card } = await runSeedCommand(["--quantized-models"]);
    expect(code).toBe(0);
    const metadata = card.metadata;
    expectSeedCore(metadata, true);
    expect(metadata.quantization_types).toEqual(["int8_weight_only", "int4_weight_only"]);
    expect(metadata["model-index"]).toEqual([MAIN_ENTRY, variantEntry("int8", 50), variantEntry("int4", 75)]);
  });

  it("reads back identically with huggingface_hub's rules and lints without errors", async () => {
    const { card, text } = await runSeedCommand(["--quantized-models", "--speedup", "int8=1.6"]);
    // PyYAML (YAML 1.1) reads every scalar as YAML 1.2 does: 5.0e-06 stays a float, no string turns boolean.
    expect(card.crossReaderDifferences).toEqual([]);
    expect(card.problems).toEqual([]);
    expect(card.evalResults?.every((result) => typeof result.metricValue === "number")).toBe(true);
    // The card's model is the first entry, where update --add-eval adds (huggingface_hub keeps the last name).
    expect(card.modelName).toBe("My Fine-tuned Model");
    expect(card.evalResults?.find((result) => result.metricName === "Inference Speed")?.metricValue).toBe(1.6);
    expect(lintCard(card, { filePath: "README.md" }).filter((message) => message.severity === "error")).toEqual([]);
    expect(text).toMatch(/^learning_rate: (?:5\.0e-06|0\.000005)$/m);
  });

  it("the library gives the same metadata, with hardware detection injected", async () => {
    const generated = await generateCard({
      values: {
        profile: "smollm3",
        "repo-name": "username/model-name",
        "model-name": "My Fine-tuned Model",
        "dataset-name": "OpenHermes-FR",
        "training-config": "H100 Lightweight",
        "batch-size": 8,
        "learning-rate": 5e-6,
        "max-epochs": 3,
        "training-loss": 2.1,
        "validation-loss": 2.3,
        perplexity: 9.8,
        "quantized-models": true,
      },
      hardwareProbe: { gpuNames: () => ["NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM3"], cpu: () => null },
    });
    expect(generated.metadata.hardware).toBe("2 x NVIDIA H100 80GB HBM3");
    expect(generated.metadata["model-index"]).toEqual([MAIN_ENTRY, variantEntry("int8", 50), variantEntry("int4", 75)]);
    expect(ModelCard.parse(generated.card.toString()).metadata).toEqual(generated.metadata);
  });
});
