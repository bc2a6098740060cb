import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** A training output folder as the seed's pipeline leaves it (weights, tokenizer, results, int8/int4, checkpoints). */
export const RUN_FIXTURE = fileURLToPath(new URL("./fixtures/run-smollm3/", import.meta.url));

/** A fresh copy of the run fixture in a temporary folder, so a test may add or change files. */
export function copyRunFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "modelcard-push-"));
  cpSync(RUN_FIXTURE, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with the sha256 of its bytes and its mtime, to prove a push changed nothing. */
export function snapshotTree(dir: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const digest = createHash("sha256").update(readFileSync(path)).digest("hex");
        snapshot[relative(dir, path)] = `${digest} ${statSync(path).mtimeMs}`;
      }
    }
  };
  walk(dir);
  return snapshot;
}

/** What a push of the whole fixture run uploads, in plan order: the card first, checkpoints and notes left out. */
export const EXPECTED_RUN_FILES = [
  "README.md",
  "all_results.json",
  "chat_template.jinja",
  "config.json",
  "generation_config.json",
  "gptq-4bit/config.json",
  "gptq-4bit/model.safetensors",
  "int4/config.json",
  "int4/model.safetensors",
  "int8/config.json",
  "int8/model.safetensors",
  "model.safetensors",
  "special_tokens_map.json",
  "tokenizer.json",
  "tokenizer_config.json",
  "train_results.json",
  "trainer_state.json",
  "training_config.json",
  "training_curves.png",
];
