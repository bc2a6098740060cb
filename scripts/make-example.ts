import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { writeSyntheticRun } from "./write-synthetic-run.js";

/**
 * Writes examples/smollm3-openhermes-fr/: a small synthetic SmolLM3 fine-tune (tiny safetensors with real
 * headers, int8/ and int4/ torchao variants, a trainer_state.json of a few hundred log entries, results and
 * training_config.json), the run that the README's first `modelcard generate` command reads.
 * Run: npx tsx scripts/make-example.ts
 */
const directory = fileURLToPath(new URL("../examples/smollm3-openhermes-fr/", import.meta.url));
await rm(directory, { recursive: true, force: true });
await writeSyntheticRun(directory, {
  steps: 600,
  loggingSteps: 2,
  evalSteps: 50,
  hiddenSize: 32,
  layers: 2,
  variants: true,
  seed: 3,
});
process.stdout.write(`wrote ${directory}\n`);
