import { mkdtempSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GGUFValueType, serializeGgufMetadata } from "@huggingface/gguf";
import { describe, expect, it } from "vitest";
import { writeSafetensors } from "../../scripts/write-safetensors.js";
import {
  buildTrainingResultsTable,
  collectTrainingLog,
  detectHardware,
  generateCard,
  readRunDirectory,
  readSafetensorsHeader,
} from "../../src/generate/index.js";
import { LOG_WORKER_BYTES } from "../../src/generate/sources/trainer-state.js";
import { lintCard } from "../../src/lint/index.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const temporary = () => mkdtempSync(join(tmpdir(), "modelcard-sources-"));

describe("safetensors headers", () => {
  it("counts parameters, dtypes and bytes of a 16 GB sparse file from its header alone", async () => {
    const folder = temporary();
    const tensors = Array.from({ length: 64 }, (_, index) => ({
      name: `layer.${index}.weight`,
      dtype: "BF16" as const,
      shape: [8192, 16384],
    }));
    await writeSafetensors(join(folder, "model.safetensors"), tensors);
    expect(statSync(join(folder, "model.safetensors")).size).toBeGreaterThan(16 * 2 ** 30);
    const { facts, warnings } = await readSafetensorsHeader(folder, "model.safetensors");
    expect(warnings).toEqual([]);
    expect(facts).toMatchObject({
      parameters: 64 * 8192 * 16384,
      parametersByDtype: { BF16: 64 * 8192 * 16384 },
      dataBytes: 16 * 2 ** 30,
      metadata: { format: "pt" },
    });
  });

  it("warns when the header describes more tensor data than the file holds", async () => {
    const folder = temporary();
    await writeSafetensors(join(folder, "model.safetensors"), [{ name: "w", dtype: "F32", shape: [4, 4] }]);
    const full = statSync(join(folder, "model.safetensors")).size;
    truncateSync(join(folder, "model.safetensors"), full - 8);
    const { facts, warnings } = await readSafetensorsHeader(folder, "model.safetensors");
    expect(facts).toBeNull();
    expect(warnings[0]?.message).toMatch(/describes 64 bytes of tensors but the file holds 56/);
  });
});

describe("run files", () => {
  it("sums sharded checkpoints, taking the byte total from the index", async () => {
    const folder = temporary();
    await writeSafetensors(join(folder, "model-00001-of-00002.safetensors"), [
      { name: "a", dtype: "BF16", shape: [8, 4] },
    ]);
    await writeSafetensors(join(folder, "model-00002-of-00002.safetensors"), [
      { name: "b", dtype: "F32", shape: [2, 4] },
    ]);
    writeFileSync(
      join(folder, "model.safetensors.index.json"),
      JSON.stringify({
        metadata: { total_size: 96 },
        weight_map: { a: "model-00001-of-00002.safetensors", b: "model-00002-of-00002.safetensors" },
      }),
    );
    const { facts } = await readRunDirectory(folder);
    expect(facts?.weights).toEqual({
      files: ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"],
      parameters: 40,
      dtype: "BF16",
      bytes: 96,
    });
  });

  it("a PEFT adapter: library_name peft, base_model_relation adapter, the local _name_or_path never published", async () => {
    const { metadata, card } = await generateCard({
      values: { from: `${FIXTURES}adapter-run`, license: "apache-2.0", "dataset-name": "d", "training-loss": 1.5 },
      hardwareProbe: null,
    });
    expect(metadata).toMatchObject({
      library_name: "peft",
      base_model: "HuggingFaceTB/SmolLM3-3B",
      base_model_relation: "adapter",
      pipeline_tag: "text-generation",
    });
    expect(metadata.tags).toContain("lora");
    expect(card.toString()).not.toContain("/home/trainer");
    expect(card.body).toContain("- **Adapter:** LoRA, r=16, alpha=32, on q_proj, v_proj");
  });

  it("a local _name_or_path alone gives no base_model; a bitsandbytes subfolder is a quantized variant", async () => {
    const { facts } = await readRunDirectory(`${FIXTURES}bnb-run`);
    expect(facts?.fields["base-model"]).toBeUndefined();
    expect(facts?.variants).toEqual([{ folder: "qlora-4bit", type: "bnb_nf4", bits: 4, bytes: null }]);
    const { metadata } = await generateCard({
      values: { from: `${FIXTURES}bnb-run`, license: "mit", "dataset-name": "d", "model-name": "m" },
      hardwareProbe: null,
    });
    expect(metadata.quantization_types).toEqual(["bnb_nf4"]);
    // Nominal: 4 bits against the float16 of config.json.
    expect(metadata["model-index"]).toEqual([
      {
        name: "m (qlora-4bit quantized)",
        results: [
          {
            task: { type: "text-generation" },
            dataset: { name: "d", type: "d" },
            metrics: [{ name: "Memory Reduction (nominal)", type: "memory_efficiency", value: 75 }],
          },
        ],
      },
    ]);
  });

  it("reads a GGUF header through @huggingface/gguf", async () => {
    const folder = temporary();
    const header = serializeGgufMetadata({
      version: { value: 3, type: GGUFValueType.UINT32 },
      tensor_count: { value: 0n, type: GGUFValueType.UINT64 },
      kv_count: { value: 2n, type: GGUFValueType.UINT64 },
      "general.architecture": { value: "llama", type: GGUFValueType.STRING },
      "general.file_type": { value: 15, type: GGUFValueType.UINT32 },
    } as never);
    writeFileSync(join(folder, "model-Q4_K_M.gguf"), header);
    const { facts, warnings } = await readRunDirectory(folder);
    expect(warnings).toEqual([]);
    expect(facts?.gguf).toEqual([
      { file: "model-Q4_K_M.gguf", architecture: "llama", fileType: "Q4_K_M", parameters: 0 },
    ]);
    // A GGUF-only folder is a llama.cpp model, quantized by its file type.
    expect(facts?.fields["library-name"]?.value).toBe("gguf");
    expect(facts?.fields.family?.value).toBe("llama");
    const { metadata, card } = await generateCard({ values: { from: folder, license: "mit" } });
    expect(metadata.quantization_types).toEqual(["Q4_K_M"]);
    expect(metadata.tags).toContain("quantized");
    expect(lintCard(card).filter((message) => message.ruleId === "quantization-types")).toEqual([]);
  });
});

const logOf = (entries: readonly unknown[]) => collectTrainingLog().add(entries).log;

describe("a long trainer_state.json", () => {
  /** Python's json.dump(indent=2) of `steps` training steps, an evaluation every 20, and the summary. */
  function longState(steps: number) {
    const log: Record<string, number>[] = [];
    for (let step = 1; step <= steps; step++) {
      log.push({
        loss: 3 - step / steps,
        grad_norm: 0.75,
        learning_rate: 5e-6 * (1 - step / steps),
        epoch: step / 1e4,
        step,
      });
      if (step % 20 === 0) log.push({ eval_loss: 3.1 - step / steps, eval_runtime: 2.5, epoch: step / 1e4, step });
    }
    log.push({ train_runtime: 5000, train_loss: 2.5, epoch: steps / 1e4, step: steps });
    return JSON.stringify({ global_step: steps, best_model_checkpoint: "sortie/modèle", log_history: log }, null, 2);
  }

  it("is read with a worker thread beyond LOG_WORKER_BYTES, into what one JSON.parse gives, and names a corrupt byte", async () => {
    const folder = temporary();
    const text = longState(70_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(LOG_WORKER_BYTES);
    writeFileSync(join(folder, "trainer_state.json"), text);
    const { facts, warnings } = await readRunDirectory(folder);
    expect(warnings).toEqual([]);
    expect(facts?.trainingLog).toEqual(logOf(JSON.parse(text).log_history));
    // Python's NaN near the end (the worker's part): read here, dropped, noted.
    const near = text.lastIndexOf('"grad_norm": 0.75');
    const nanText = `${text.slice(0, near)}"grad_norm": NaN${text.slice(near + '"grad_norm": 0.75'.length)}`;
    writeFileSync(join(folder, "trainer_state.json"), nanText);
    const nan = await readRunDirectory(folder);
    expect(nan.warnings.map((warning) => warning.code)).toEqual(["non-finite-values"]);
    expect(nan.facts?.trainingLog?.curves).toEqual(facts?.trainingLog?.curves);
    // A stray comma near the end: the byte where it is, after the two-byte "è".
    const runtime = text.lastIndexOf('"eval_runtime": 2.5,') + '"eval_runtime": 2.5,'.length;
    const broken = `${text.slice(0, runtime)},${text.slice(runtime)}`;
    writeFileSync(join(folder, "trainer_state.json"), broken);
    const corrupt = await readRunDirectory(folder);
    const at = Buffer.byteLength(broken.slice(0, broken.indexOf(",,") + 1));
    expect(corrupt.warnings.map((warning) => warning.message)).toEqual([
      `not valid JSON at byte ${at} (Expected double-quoted property name); skipped`,
    ]);
  });
});

describe("training results table", () => {
  it("has one row per evaluation with the last training loss before it, like transformers", () => {
    const table = buildTrainingResultsTable(
      logOf([
        { eval_loss: 3.123456, step: 0, epoch: 0 },
        { loss: 2.5, step: 10, epoch: 0.5 },
        { loss: 2.25, step: 20, epoch: 1 },
        { eval_loss: 2.3, eval_accuracy: 0.71234, eval_runtime: 3.2, step: 20, epoch: 1 },
      ]),
    );
    expect(table).toEqual({
      columns: ["Training Loss", "Epoch", "Step", "Validation Loss", "Accuracy"],
      // Four decimals in every numeric column, so that they line up.
      rows: [
        ["No log", "0.0000", "0", "3.1235", ""],
        ["2.2500", "1.0000", "20", "2.3000", "0.7123"],
      ],
      summary: null,
    });
    expect(buildTrainingResultsTable(logOf([{ loss: 2, step: 1 }]))).toBeNull();
  });

  it("summarises thousands of evaluations: every N-th and the last, saying so", () => {
    const log = Array.from({ length: 9697 }, (_, index) => ({ eval_loss: 2 - index / 10_000, step: (index + 1) * 20 }));
    const table = buildTrainingResultsTable(logOf(log));
    expect(table?.rows).toHaveLength(50);
    expect(table?.rows[0]?.[2]).toBe("3880");
    expect(table?.rows.at(-1)?.slice(2)).toEqual(["193940", "1.0304"]);
    expect(table?.summary).toBe(
      "Every 194th of 9,697 evaluations (about every 3,879 steps) and the last; trainer_state.json holds them all.",
    );
  });
});

describe("hardware detection", () => {
  it("groups GPUs by name, falls back to the CPU, and is null when nothing answers", () => {
    expect(detectHardware({ gpuNames: () => ["H100", "H100", "A10G"], cpu: () => null })).toBe("2 x H100, 1 x A10G");
    expect(detectHardware({ gpuNames: () => null, cpu: () => ({ model: "AMD EPYC 7B13", cores: 8 }) })).toBe(
      "CPU: AMD EPYC 7B13, 8 cores",
    );
    expect(detectHardware({ gpuNames: () => null, cpu: () => null })).toBeNull();
  });
});

describe("log entries with fields that are not numbers", () => {
  it("keep a field named __proto__ as a field", () => {
    const entries = JSON.parse('[{"step": 1, "loss": 1}, {"step": 2, "eval_loss": 0.5, "__proto__": 3, "note": null}]');
    const { evaluations } = collectTrainingLog().add(entries).log;
    expect(Object.entries(evaluations[0]?.entry ?? {})).toEqual([
      ["step", 2],
      ["eval_loss", 0.5],
      ["__proto__", 3],
    ]);
  });
});
