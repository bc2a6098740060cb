import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { formatExplanations, generateCard, loadConfigFile, readRunDirectory } from "../../src/generate/index.js";
import { lintCard } from "../../src/lint/index.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/smollm3-openhermes-fr/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const noHardware = { gpuNames: () => null, cpu: () => null };

describe("readRunDirectory on the example run", () => {
  it("reads each file kind with the file it came from", async () => {
    const { facts, warnings } = await readRunDirectory(EXAMPLE);
    expect(warnings).toEqual([]);
    expect(facts?.fields["batch-size"]).toEqual({ value: 8, from: { kind: "run", detail: "training_config.json" } });
    expect(facts?.fields["validation-loss"]?.from.detail).toBe("eval_results.json");
    expect(facts?.fields["training-loss"]?.from.detail).toBe("train_results.json");
    expect(facts?.fields.family?.value).toBe("smollm3");
    expect(facts?.fields["base-model"]?.value).toBe("HuggingFaceTB/SmolLM3-3B");
    expect(facts?.conversational).toBe(true);
    expect(facts?.generation?.sampling).toMatchObject({ temperature: 0.6, top_p: 0.95 });
    // Parameters and bytes from the safetensors header: 32x128 embeddings + 2 layers of 4x32x32 + 3x64x32.
    expect(facts?.weights).toMatchObject({ parameters: 4096 + 2 * (4 * 1024 + 3 * 2048), dtype: "BF16" });
    expect(facts?.weights?.bytes).toBe(2 * facts!.weights!.parameters);
    expect(facts?.variants.map((variant) => [variant.folder, variant.type, variant.bits])).toEqual([
      ["int8", "int8_weight_only", 8],
      ["int4", "int4_weight_only", 4],
    ]);
    expect(facts?.trainingLog?.length).toBeGreaterThan(300);
  });
});

describe("generateCard --from the example run", () => {
  it("builds metadata from the run, measured memory reduction, derived eval metrics, and a valid card", async () => {
    const generated = await generateCard({
      values: { from: EXAMPLE, profile: "smollm3", "repo-name": "you/smollm3-openhermes-fr" },
      hardwareProbe: noHardware,
    });
    const { metadata } = generated;
    expect(metadata).toMatchObject({
      library_name: "transformers",
      pipeline_tag: "text-generation",
      base_model: "HuggingFaceTB/SmolLM3-3B",
      datasets: ["OpenHermes-FR"],
      quantization_types: ["int8_weight_only", "int4_weight_only"],
      batch_size: 8,
      gradient_accumulation_steps: 16,
      max_seq_length: 2048,
      learning_rate: 5e-6,
    });
    expect(metadata).not.toHaveProperty("hardware");
    const card = ModelCard.parse(generated.card.toString());
    const results = card.evalResults ?? [];
    const metric = (name: string) => results.find((result) => result.metricName === name)?.metricValue;
    expect(metric("Validation Loss")).toBe(2.2898);
    expect(metric("Mean Token Accuracy")).toBe(0.5985);
    // int8: 1-byte weights plus a bf16 scale per row, measured against the bf16 weights.
    const variants = results.filter((result) => result.metricName === "Memory Reduction");
    expect(variants.map((result) => result.metricValue)).toEqual([47.1, 72.1]);
    expect(card.crossReaderDifferences).toEqual([]);
    expect(lintCard(card).filter((message) => message.severity === "error")).toEqual([]);
    expect(card.body).toContain("| 2.0986 | 3.0000 | 600 | 2.2898 | 0.5985 |");
    expect(card.body).toContain('subfolder="int8"');
    expect(card.body).toContain("apply_chat_template");
    expect(card.body).toContain("![Training and validation loss against step](training_curves.png)");
    expect(card.body).not.toMatch(/N\/A|More Information Needed/);
  });

  it("writes the training curves as PNG and SVG", async () => {
    const { assets } = await generateCard({ values: { from: EXAMPLE, profile: "smollm3" }, hardwareProbe: noHardware });
    const png = assets.find((asset) => asset.fileName === "training_curves.png")?.content as Buffer;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(800);
    const svg = assets.find((asset) => asset.fileName === "training_curves.svg")?.content as string;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
  });

  it("explains where every value came from, perplexity derived when the run has none", async () => {
    const generated = await generateCard({
      values: { from: EXAMPLE, profile: "smollm3", perplexity: undefined, "validation-loss": 2.3 },
      hardwareProbe: noHardware,
    });
    const explained = formatExplanations(generated.explanations);
    expect(explained).toMatch(/^batch_size = 8 +<- run file training_config\.json$/m);
    expect(explained).toMatch(/^license = apache-2\.0 +<- profile smollm3$/m);
    expect(explained).toMatch(/^model-index: Validation Loss = 2\.3 +<- flag --validation-loss$/m);
    expect(explained).toMatch(/^model-index: int8 Memory Reduction = 47\.1 +<- derived int8\/ weights .*\(measured: /m);
    // The example's eval_results.json gives a perplexity, which wins over the derivation.
    expect(explained).toMatch(/^model-index: Perplexity = 9\.873 +<- run file eval_results\.json$/m);

    const withoutRunPerplexity = await generateCard({
      values: { profile: "smollm3", "dataset-name": "d", "model-name": "m", "validation-loss": 2.3 },
      hardwareProbe: noHardware,
    });
    expect(formatExplanations(withoutRunPerplexity.explanations)).toMatch(
      /^model-index: Perplexity = 9\.9742 +<- derived exp\(validation loss\) \(exp\(2\.3\)/m,
    );
  });
});

describe("precedence: flag > config file > run directory > profile", () => {
  it("takes each field from the highest layer that has it", async () => {
    const config = await loadConfigFile(`${FIXTURES}config.yaml`);
    const generated = await generateCard({
      values: { from: EXAMPLE, "batch-size": 2 },
      config,
      hardwareProbe: noHardware,
    });
    const { metadata, explanations } = generated;
    const from = (field: string) => explanations.find((entry) => entry.field === field)?.from;
    expect(metadata.batch_size).toBe(2);
    expect(from("batch_size")).toEqual({ kind: "flag", detail: "--batch-size" });
    expect(metadata.learning_rate).toBe(1e-5);
    expect(from("learning_rate")?.kind).toBe("config");
    expect(metadata.max_seq_length).toBe(2048);
    expect(from("max_seq_length")).toEqual({ kind: "run", detail: "training_config.json" });
    // The user-defined profile from the config file.
    expect(metadata.license).toBe("mit");
    expect(metadata.language).toEqual(["de"]);
    expect(from("license")?.detail).toMatch(/^house \(/);
    // The run's training_config.json names the base model, above the profile.
    expect(metadata.base_model).toBe("HuggingFaceTB/SmolLM3-3B");
    // family from config.json (smollm3) is above the profile's (acme).
    expect((metadata.tags as string[])[0]).toBe("smollm3");
    expect(metadata.tags).toContain("internal");
    expect(metadata.team).toBe("nlp");
  });

  it("rejects a config value of the wrong type, naming the file and the key", async () => {
    await expect(loadConfigFile(`${FIXTURES}config.json`)).rejects.toThrow(
      /config\.json: "batch-size": expected a whole number/,
    );
  });

  it("rejects an unknown profile, listing the known ones", async () => {
    await expect(generateCard({ values: { profile: "constructor" }, hardwareProbe: null })).rejects.toThrow(
      /unknown profile "constructor"; use one of smollm3/,
    );
  });
});
