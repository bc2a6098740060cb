import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type TensorSpec, writeSafetensors } from "./write-safetensors.js";

export interface SyntheticRunOptions {
  /** Optimizer steps; one training log every `loggingSteps`, one evaluation every `evalSteps`. */
  steps: number;
  loggingSteps: number;
  evalSteps: number;
  /** Hidden size and layer count of the tiny model; they set the weights' size. */
  hiddenSize: number;
  layers: number;
  /** Leave tensor data as holes (sparse files): sizes are real, disk use is not. */
  sparse?: boolean;
  /** Write int8/ and int4/ torchao variants. */
  variants?: boolean;
  seed?: number;
}

/** mulberry32: a small seeded generator, so the example is byte-for-byte reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function tensorsOf(hidden: number, layers: number, vocabulary: number, dtype: TensorSpec["dtype"]): TensorSpec[] {
  const tensors: TensorSpec[] = [{ name: "model.embed_tokens.weight", dtype, shape: [vocabulary, hidden] }];
  for (let layer = 0; layer < layers; layer++) {
    for (const part of ["q_proj", "k_proj", "v_proj", "o_proj"]) {
      tensors.push({ name: `model.layers.${layer}.self_attn.${part}.weight`, dtype, shape: [hidden, hidden] });
    }
    for (const [part, shape] of [
      ["gate_proj", [hidden * 2, hidden]],
      ["up_proj", [hidden * 2, hidden]],
      ["down_proj", [hidden, hidden * 2]],
    ] as const) {
      tensors.push({ name: `model.layers.${layer}.mlp.${part}.weight`, dtype, shape: [...shape] });
    }
  }
  return tensors;
}

/**
 * Writes what a SmolLM3 SFT run with the seed's pipeline leaves on disk: config.json, generation and tokenizer
 * configs, safetensors weights, trainer_state.json with its log_history, the results files,
 * training_config.json, and torchao int8/ and int4/ variants. Deterministic for a given seed.
 */
export async function writeSyntheticRun(directory: string, options: SyntheticRunOptions): Promise<void> {
  const next = random(options.seed ?? 42);
  const { hiddenSize: hidden, layers } = options;
  const vocabulary = hidden * 4;
  await mkdir(directory, { recursive: true });
  const config = {
    architectures: ["SmolLM3ForCausalLM"],
    model_type: "smollm3",
    _name_or_path: "HuggingFaceTB/SmolLM3-3B",
    hidden_size: hidden,
    intermediate_size: hidden * 2,
    num_hidden_layers: layers,
    num_attention_heads: 4,
    vocab_size: vocabulary,
    max_position_embeddings: 65536,
    torch_dtype: "bfloat16",
    transformers_version: "4.57.1",
  };
  const batchSize = 8;
  const accumulation = 16;
  const epochs = 3;
  const samples = Math.round((options.steps * batchSize * accumulation) / epochs);
  const fill = options.sparse
    ? undefined
    : (_: TensorSpec, bytes: number) => Buffer.from(Array.from({ length: bytes }, () => Math.floor(next() * 256)));
  // bf16 bytes drawn at random would include NaNs; small normal-ish values are what real weights look like.
  const bf16Fill = options.sparse
    ? undefined
    : (_: TensorSpec, bytes: number) => {
        const buffer = Buffer.alloc(bytes);
        const float = new Float32Array(1);
        const view = new Uint16Array(float.buffer);
        for (let index = 0; index < bytes / 2; index++) {
          float[0] = (next() + next() + next() - 1.5) * 0.05;
          buffer.writeUInt16LE(view[1] ?? 0, index * 2);
        }
        return buffer;
      };
  await writeFile(join(directory, "config.json"), json(config));
  await writeFile(
    join(directory, "generation_config.json"),
    json({
      bos_token_id: 1,
      eos_token_id: 2,
      do_sample: true,
      temperature: 0.6,
      top_p: 0.95,
      transformers_version: "4.57.1",
    }),
  );
  await writeFile(
    join(directory, "tokenizer_config.json"),
    json({
      model_max_length: 65536,
      chat_template:
        "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}",
    }),
  );
  await writeSafetensors(join(directory, "model.safetensors"), tensorsOf(hidden, layers, vocabulary, "BF16"), bf16Fill);

  const logHistory: Record<string, number>[] = [];
  let loss = 2.9;
  for (let step = options.loggingSteps; step <= options.steps; step += options.loggingSteps) {
    const progress = step / options.steps;
    loss = 2.05 + 0.85 * Math.exp(-4 * progress) + (next() - 0.5) * 0.08;
    logHistory.push({
      loss: round(loss),
      grad_norm: round(0.6 + next() * 0.5),
      learning_rate: Number((5e-6 * (1 - progress)).toPrecision(6)),
      epoch: round(progress * epochs),
      step,
    });
    if (step % options.evalSteps === 0) {
      const evalLoss = 2.28 + 0.6 * Math.exp(-4 * progress) + (next() - 0.5) * 0.02;
      logHistory.push({
        eval_loss: round(evalLoss),
        eval_mean_token_accuracy: round(0.52 + 0.08 * (1 - Math.exp(-4 * progress))),
        eval_runtime: round(40 + next() * 5, 3),
        eval_samples_per_second: round(25 + next(), 3),
        eval_steps_per_second: round(3 + next() * 0.2, 3),
        epoch: round(progress * epochs),
        step,
      });
    }
  }
  const lastEval = logHistory.findLast((entry) => entry.eval_loss !== undefined) ?? {};
  const trainLoss = round(
    logHistory.filter((entry) => entry.loss !== undefined).reduce((sum, entry) => sum + (entry.loss ?? 0), 0) /
      Math.max(1, logHistory.filter((entry) => entry.loss !== undefined).length),
  );
  const runtime = round(options.steps * 11.7, 2);
  logHistory.push({
    train_runtime: runtime,
    train_samples_per_second: round((samples * epochs) / runtime, 3),
    train_steps_per_second: round(options.steps / runtime, 3),
    total_flos: 1.2e17,
    train_loss: trainLoss,
    epoch: epochs,
    step: options.steps,
  });
  await writeFile(
    join(directory, "trainer_state.json"),
    json({
      best_metric: null,
      best_model_checkpoint: null,
      epoch: epochs,
      eval_steps: options.evalSteps,
      global_step: options.steps,
      is_hyper_param_search: false,
      is_local_process_zero: true,
      is_world_process_zero: true,
      log_history: logHistory,
      logging_steps: options.loggingSteps,
      max_steps: options.steps,
      num_train_epochs: epochs,
      save_steps: options.evalSteps * 2,
      total_flos: 1.2e17,
      train_batch_size: batchSize,
    }),
  );
  const evalResults = {
    epoch: epochs,
    eval_loss: lastEval.eval_loss,
    eval_mean_token_accuracy: lastEval.eval_mean_token_accuracy,
    eval_runtime: lastEval.eval_runtime,
    eval_samples: 1024,
    eval_samples_per_second: lastEval.eval_samples_per_second,
    eval_steps_per_second: lastEval.eval_steps_per_second,
    perplexity: round(Math.exp(lastEval.eval_loss ?? 0)),
  };
  const trainResults = {
    epoch: epochs,
    total_flos: 1.2e17,
    train_loss: trainLoss,
    train_runtime: runtime,
    train_samples: samples,
    train_samples_per_second: round((samples * epochs) / runtime, 3),
    train_steps_per_second: round(options.steps / runtime, 3),
  };
  await writeFile(join(directory, "train_results.json"), json(trainResults));
  await writeFile(join(directory, "eval_results.json"), json(evalResults));
  await writeFile(join(directory, "all_results.json"), json({ ...trainResults, ...evalResults }));
  await writeFile(
    join(directory, "training_config.json"),
    json({
      model_name: "HuggingFaceTB/SmolLM3-3B",
      dataset_name: "OpenHermes-FR",
      training_config_type: "H100 Lightweight",
      trainer_type: "SFTTrainer",
      per_device_train_batch_size: batchSize,
      gradient_accumulation_steps: accumulation,
      learning_rate: 5e-6,
      num_train_epochs: epochs,
      max_seq_length: 2048,
      logging_steps: options.loggingSteps,
      eval_steps: options.evalSteps,
    }),
  );

  if (!options.variants) return;
  for (const [folder, quantType, dtype, divisor] of [
    ["int8", "int8_weight_only", "I8", 1],
    ["int4", "int4_weight_only", "U8", 2],
  ] as const) {
    const variantDirectory = join(directory, folder);
    await mkdir(variantDirectory, { recursive: true });
    await writeFile(
      join(variantDirectory, "config.json"),
      json({
        ...config,
        quantization_config: { quant_method: "torchao", quant_type: quantType, modules_to_not_convert: null },
      }),
    );
    // Quantized weights (int4 packs two values per byte) plus one bf16 scale per output row.
    const tensors = tensorsOf(hidden, layers, vocabulary, dtype).flatMap((tensor): TensorSpec[] => [
      { ...tensor, shape: [tensor.shape[0] ?? 1, (tensor.shape[1] ?? 1) / divisor] },
      { name: tensor.name.replace(/weight$/, "scale"), dtype: "BF16", shape: [tensor.shape[0] ?? 1] },
    ]);
    await writeSafetensors(join(variantDirectory, "model.safetensors"), tensors, fill);
  }
}
