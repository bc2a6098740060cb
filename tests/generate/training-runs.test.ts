import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PIPELINE_TYPES } from "@huggingface/tasks";
import { describe, expect, it } from "vitest";
import { writeSafetensors } from "../../scripts/write-safetensors.js";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { ARCHITECTURE_TASKS } from "../../src/generate/architecture-task.js";
import { formatExplanations, generateCard } from "../../src/generate/index.js";
import { lintText } from "../../src/lint/index.js";
import { memoryIo } from "../support/memory-io.js";

const temporary = () => mkdtempSync(join(tmpdir(), "modelcard-run-"));
const json = (folder: string, file: string, value: unknown) =>
  writeFileSync(join(folder, file), `${JSON.stringify(value, null, 2)}\n`);

/** A log_history as Trainer writes it: a training entry every 10 steps, an evaluation every 50, a summary. */
function logHistory(steps: number, extra: (step: number) => Record<string, number> = () => ({})) {
  const entries: Record<string, number>[] = [];
  for (let step = 10; step <= steps; step += 10) {
    entries.push({
      loss: 2 - step / 1000,
      grad_norm: 1.5,
      learning_rate: 2e-5,
      epoch: step / 100,
      step,
      ...extra(step),
    });
    if (step % 50 === 0) {
      entries.push({ eval_loss: 2.1 - step / 1000, eval_runtime: 3.2, epoch: step / 100, step });
    }
  }
  entries.push({ train_runtime: 5400, train_loss: 1.9, total_flos: 1e15, epoch: steps / 100, step: steps });
  return entries;
}

/**
 * What Trainer leaves (transformers' `trainer_state.json` holding NaN and Infinity as Python writes them) plus
 * a `checkpoint-*` whose config.json carries a quantization_config, as QLoRA checkpoints do.
 */
async function trainerRun(): Promise<string> {
  const run = temporary();
  json(run, "config.json", {
    architectures: ["LlamaForCausalLM"],
    model_type: "llama",
    _name_or_path: "/home/me/models/llama-base",
    torch_dtype: "bfloat16",
    max_position_embeddings: 4096,
    transformers_version: "4.57.1",
  });
  await writeSafetensors(join(run, "model.safetensors"), [{ name: "w", dtype: "BF16", shape: [64, 64] }]);
  // Python's json writes a diverged grad_norm as a bare NaN or Infinity.
  const state = JSON.stringify(
    { global_step: 250, num_train_epochs: 2.5, train_batch_size: 4, log_history: logHistory(250) },
    null,
    2,
  )
    .replace('"grad_norm": 1.5', '"grad_norm": NaN')
    .replace('"grad_norm": 1.5', '"grad_norm": -Infinity');
  writeFileSync(join(run, "trainer_state.json"), state);
  json(run, "all_results.json", {
    train_loss: 1.9,
    eval_loss: 1.85,
    perplexity: 5.541138582779015,
    epoch: 2.5,
    train_runtime: 5400,
  });
  const checkpoint = join(run, "checkpoint-200");
  mkdirSync(checkpoint);
  json(checkpoint, "config.json", {
    architectures: ["LlamaForCausalLM"],
    model_type: "llama",
    quantization_config: { quant_method: "bitsandbytes", load_in_4bit: true, bnb_4bit_quant_type: "nf4" },
  });
  return run;
}

/** What TRL's SFTTrainer with a PEFT LoRA leaves: an adapter, a chat template, TRL's log keys. */
async function sftLoraRun(): Promise<string> {
  const run = temporary();
  json(run, "adapter_config.json", {
    base_model_name_or_path: "HuggingFaceTB/SmolLM3-3B",
    peft_type: "LORA",
    task_type: "CAUSAL_LM",
    r: 16,
    lora_alpha: 32,
    target_modules: ["q_proj", "v_proj"],
  });
  await writeSafetensors(join(run, "adapter_model.safetensors"), [
    { name: "lora_A", dtype: "F32", shape: [16, 1024] },
    { name: "lora_B", dtype: "F32", shape: [1024, 16] },
  ]);
  json(run, "tokenizer_config.json", { chat_template: "{{ messages }}" });
  json(run, "trainer_state.json", {
    global_step: 100,
    num_train_epochs: 1,
    train_batch_size: 8,
    log_history: logHistory(100, (step) => ({ entropy: 1.2, num_tokens: step * 4096, mean_token_accuracy: 0.6 })),
  });
  json(run, "training_config.json", {
    per_device_train_batch_size: 8,
    gradient_accumulation_steps: 4,
    learning_rate: 2e-4,
    num_train_epochs: 1,
    seed: 42,
    optim: "adamw_torch_fused",
    lr_scheduler_type: "cosine",
    warmup_ratio: 0.03,
    bf16: true,
  });
  return run;
}

/** A QLoRA run: the adapter, and checkpoints whose config.json holds the 4-bit bitsandbytes settings. */
async function qloraRun(): Promise<string> {
  const run = await sftLoraRun();
  for (const name of ["checkpoint-50", "checkpoint-100"]) {
    const checkpoint = join(run, name);
    mkdirSync(checkpoint);
    json(checkpoint, "config.json", {
      architectures: ["SmolLM3ForCausalLM"],
      model_type: "smollm3",
      quantization_config: { quant_method: "bitsandbytes", load_in_4bit: true, bnb_4bit_quant_type: "nf4" },
    });
  }
  // A link named like a variant that leads out of the run: not the run's, never sent by push.
  const elsewhere = temporary();
  json(elsewhere, "config.json", { model_type: "smollm3", quantization_config: { quant_method: "gptq", bits: 4 } });
  symlinkSync(elsewhere, join(run, "int4"));
  return run;
}

async function generate(args: string[], cwd = temporary()) {
  const terminal = memoryIo({ cwd });
  const code = await cli(["generate", ...args], terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr(), cwd };
}

/** `modelcard generate --from RUN --stdout ARGS...` */
const fromRun = (run: string, ...args: string[]) => generate(["--from", run, "--stdout", ...args]);

const errorsOf = (text: string) => lintText(text).filter((message) => message.severity === "error");

describe("a transformers Trainer run", () => {
  it("reads NaN and Infinity as missing, never takes a checkpoint for a variant, and states no hardware", async () => {
    const run = await trainerRun();
    const { code, stdout, stderr } = await fromRun(run, "--license", "mit", "--dataset-name", "d");
    expect(code).toBe(0);
    expect(stderr).toContain(
      `${join(run, "trainer_state.json")}: note non-finite-values: 2 NaN or Infinity values (Python's json writes them for a value that overflowed or diverged) left out of the metrics and curves`,
    );
    const card = ModelCard.parse(stdout);
    expect(card.metadata).toMatchObject({
      library_name: "transformers",
      pipeline_tag: "text-generation",
      tags: ["llama", "fine-tuned", "causal-lm", "text-generation", "dataset:d", "generated_from_trainer"],
      max_epochs: 2.5,
      batch_size: 4,
    });
    // The local _name_or_path is never published; no hardware is guessed; the checkpoint is not a variant.
    for (const key of ["base_model", "hardware", "quantization_types"]) expect(card.metadata).not.toHaveProperty(key);
    expect(stdout).not.toMatch(/checkpoint-200|subfolder=|quantized|Trained on/);
    // The log was read in full despite NaN: the results table, four decimals in every numeric column.
    expect(card.body).toContain("| Training Loss | Epoch | Step | Validation Loss |");
    expect(card.body).toContain("| 1.9000 | 1.0000 | 100 | 2.0000 |");
    expect(card.body).toContain("| 1.7500 | 2.5000 | 250 | 1.8500 |");
    expect(card.body).toContain("- **num_epochs:** 2.5");
    // Four decimals everywhere, the run's perplexity included.
    expect(card.evalResults?.map((result) => [result.metricName, result.metricValue])).toEqual([
      ["Training Loss", 1.9],
      ["Validation Loss", 1.85],
      ["Perplexity", 5.5411],
    ]);
    expect(card.body).toContain("| Perplexity | 5.5411 |");
    expect(card.body).toContain("| Training Loss | 1.9000 |");
    expect(errorsOf(stdout)).toEqual([]);
  });

  it("names the byte where a truly corrupt trainer_state.json breaks", async () => {
    const run = await trainerRun();
    // A stray comma after a two-byte character: the offset counts bytes, as editors and `xxd` do.
    const broken = '{"best_model_checkpoint": "modèle", "log_history": [{"loss": 2.5, "step": 10}, {"loss": 2,,4}]}';
    writeFileSync(join(run, "trainer_state.json"), broken);
    const { stderr } = await fromRun(run, "--license", "mit");
    expect(stderr).toContain(
      `${join(run, "trainer_state.json")}: warning invalid-json: not valid JSON at byte 91 (Expected double-quoted property name); skipped`,
    );
  });
});

describe("a TRL SFTTrainer + LoRA run", () => {
  it("has the tags TRL and PEFT write, transformers' hyperparameters and the adapter's parameters labelled", async () => {
    const run = await sftLoraRun();
    const trackio = "https://huggingface.co/spaces/you/trackio";
    const { code, stdout } = await fromRun(
      run,
      "--license",
      "apache-2.0",
      "--trackio-url",
      trackio,
      "--repo-name",
      "you/smol-lora",
    );
    expect(code).toBe(0);
    const card = ModelCard.parse(stdout);
    expect(card.metadata).toMatchObject({
      library_name: "peft",
      base_model: "HuggingFaceTB/SmolLM3-3B",
      base_model_relation: "adapter",
      pipeline_tag: "text-generation",
      trainer_type: "SFTTrainer",
    });
    expect(card.metadata.tags).toEqual([
      "fine-tuned",
      "causal-lm",
      "text-generation",
      "generated_from_trainer",
      "trl",
      "sft",
      "lora",
      "base_model:adapter:HuggingFaceTB/SmolLM3-3B",
      `trackio:${trackio}`,
    ]);
    expect(card.body).toContain("smol-lora is a LoRA adapter for [HuggingFaceTB/SmolLM3-3B]");
    expect(card.body).toContain("- **Adapter parameters:** 32.8K");
    expect(card.body).toContain("- **Adapter:** LoRA, r=16, alpha=32, on q_proj, v_proj");
    expect(card.body).not.toMatch(/LORA|\*\*Parameters:\*\*/);
    for (const line of [
      "- **learning_rate:** 2e-4",
      "- **train_batch_size:** 8",
      "- **seed:** 42",
      "- **gradient_accumulation_steps:** 4",
      "- **optimizer:** adamw_torch_fused",
      "- **lr_scheduler_type:** cosine",
      "- **lr_scheduler_warmup_ratio:** 0.03",
      "- **num_epochs:** 1",
      "- **mixed_precision_training:** Native AMP",
    ]) {
      expect(card.body).toContain(line);
    }
    expect(errorsOf(stdout)).toEqual([]);
  });

  it("--quantized-models on a run without variant folders: a warning, nominal figures only, no subfolder snippet", async () => {
    const run = await sftLoraRun();
    const { code, stdout, stderr } = await fromRun(
      run,
      "--license",
      "apache-2.0",
      "--repo-name",
      "you/smol-lora",
      "--dataset-name",
      "d",
      "--quantized-models",
    );
    expect(code).toBe(0);
    expect(stderr).toContain(
      `${join(run, ".")}: warning no-variant-folder: quantized variants are claimed (int8, int4) but the run has no int8/ or int4/ folder`,
    );
    const card = ModelCard.parse(stdout);
    const reductions = (card.evalResults ?? []).filter((result) => result.metricName?.startsWith("Memory Reduction"));
    // Against the seed's 16-bit weights, never against the adapter's F32 weights (which would give 75 / 87.5).
    expect(reductions.map((result) => [result.metricName, result.metricValue])).toEqual([
      ["Memory Reduction (nominal)", 50],
      ["Memory Reduction (nominal)", 75],
    ]);
    expect(card.body).toContain("| int8 (int8_weight_only) | 50.0% (nominal) |");
    expect(stdout).not.toContain("subfolder=");
    expect(errorsOf(stdout)).toEqual([]);
  });
});

describe("a QLoRA run", () => {
  it("leaves checkpoints and links out of the run aside: no variant, no bnb type, no subfolder snippet", async () => {
    const run = await qloraRun();
    const { code, stdout, stderr } = await fromRun(run, "--license", "apache-2.0", "--repo-name", "you/q");
    expect(code).toBe(0);
    expect(stderr).toContain(`${join(run, "int4")}: warning link-outside-run: is a link to a folder outside the run`);
    const card = ModelCard.parse(stdout);
    expect(card.metadata).not.toHaveProperty("quantization_types");
    expect(card.metadata.tags).not.toContain("quantized");
    expect(stdout).not.toMatch(/checkpoint-|subfolder=|bnb_|gptq/);
    expect(errorsOf(stdout)).toEqual([]);
  });
});

describe("pipeline tags from the architecture", () => {
  it("every task of the table is one of the Hub's PIPELINE_TYPES", () => {
    const tasks: (string | null)[] = [
      ...Object.values(ARCHITECTURE_TASKS.classes).map((entry) => entry.task),
      ...ARCHITECTURE_TASKS.suffixes.map(([, entry]) => entry.task),
    ];
    expect(tasks.filter((task) => task !== null && !(PIPELINE_TYPES as readonly string[]).includes(task))).toEqual([]);
    expect(tasks).toContain("image-text-to-text");
  });

  it("a vision-language model is image-text-to-text", async () => {
    const run = temporary();
    json(run, "config.json", { architectures: ["Qwen2VLForConditionalGeneration"], model_type: "qwen2_vl" });
    const { code, stdout } = await fromRun(run, "--license", "apache-2.0");
    expect(code).toBe(0);
    expect(ModelCard.parse(stdout).metadata.pipeline_tag).toBe("image-text-to-text");
    expect(errorsOf(stdout)).toEqual([]);
  });

  it("T5 gets no pipeline tag, with a warning naming --pipeline-tag; given one, the card lints clean", async () => {
    const run = temporary();
    json(run, "config.json", { architectures: ["T5ForConditionalGeneration"], model_type: "t5" });
    const generated = await generateCard({ values: { from: run, license: "apache-2.0" } });
    expect(generated.metadata).not.toHaveProperty("pipeline_tag");
    expect(generated.warnings).toContainEqual({
      code: "no-pipeline-tag",
      file: "config.json",
      message:
        "T5ForConditionalGeneration does not decide the Hub task (an encoder-decoder may translate, summarize or more); pipeline_tag is left out: give it with --pipeline-tag, e.g. --pipeline-tag summarization",
    });
    const given = await fromRun(run, "--license", "apache-2.0", "--pipeline-tag", "summarization");
    expect(given.code).toBe(0);
    expect(given.stderr).not.toContain("no-pipeline-tag");
    expect(ModelCard.parse(given.stdout).metadata.pipeline_tag).toBe("summarization");
    expect(errorsOf(given.stdout)).toEqual([]);
  });
});

describe("values and where they come from", () => {
  const basics = ["--profile", "smollm3", "--stdout"];

  it("range-checks every number, model-index or not; fractional epochs are fine", async () => {
    const negative = await generate([...basics, "--training-loss", "-2"]);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain("--training-loss -2: out of range; a loss is never negative.");
    const rate = await generate([...basics, "--learning-rate", "3"]);
    expect(rate.stderr).toContain("--learning-rate 3: out of range; a learning rate is in (0, 1], e.g. 2e-5.");
    const epochs = await generate([...basics, "--max-epochs", "2.5"]);
    expect(epochs.code).toBe(0);
    expect(ModelCard.parse(epochs.stdout).metadata.max_epochs).toBe(2.5);
  });

  it("hardware only when given; --hardware-info '' removes the config's; --detect-hardware says it was detected", async () => {
    const cwd = temporary();
    writeFileSync(join(cwd, "options.yaml"), "hardware-info: 8 x H100\n");
    const fromConfig = await generate([...basics, "--config", "options.yaml"], cwd);
    expect(ModelCard.parse(fromConfig.stdout).metadata.hardware).toBe("8 x H100");
    const removed = await generate([...basics, "--config", "options.yaml", "--hardware-info", "", "--explain"], cwd);
    expect(removed.code).toBe(0);
    expect(ModelCard.parse(removed.stdout).metadata).not.toHaveProperty("hardware");
    expect(removed.stdout).not.toContain("Trained on");
    expect(removed.stderr).toMatch(/^hardware = null +<- flag --hardware-info \(left out: given as empty\)$/m);
    expect(ModelCard.parse((await generate(basics)).stdout).metadata).not.toHaveProperty("hardware");
    const detected = await generate([...basics, "--detect-hardware", "--explain"]);
    expect(detected.stderr).toMatch(/^hardware = .+<- detected on this machine, --detect-hardware/m);
  });

  it("--explain names a source for the body's facts too", async () => {
    const generated = await generateCard({ values: { from: await sftLoraRun(), license: "apache-2.0" } });
    const explained = formatExplanations(generated.explanations);
    expect(explained).toMatch(
      /^body: details: Adapter parameters = 32\.8K +<- run file adapter_model\.safetensors \(safetensors headers\)$/m,
    );
    expect(explained).toMatch(/^body: hyperparameters: seed = 42 +<- run file training_config\.json$/m);
    expect(explained).toMatch(/^body: training results = 2 rows +<- run file trainer_state\.json log_history$/m);
  });

  it("finds the lint configuration from the card's folder, not the current one", async () => {
    const out = temporary();
    json(out, "modelcard.config.json", { rules: { license: "off" } });
    const args = [...basics.slice(0, 2), "--license", "not-a-license", "--output", join(out, "README.md")];
    expect((await generate(args)).code).toBe(0);
    expect(readFileSync(join(out, "README.md"), "utf8")).toContain("license: not-a-license");
    const elsewhere = await generate([...args.slice(0, -1), join(temporary(), "README.md")]);
    expect(elsewhere.code).toBe(1);
  });
});
