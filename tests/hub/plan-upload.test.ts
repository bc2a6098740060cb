import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planUpload } from "../../src/hub/index.js";
import { copyRunFixture, EXPECTED_RUN_FILES, RUN_FIXTURE } from "./run-fixture.js";

const paths = (plan: Awaited<ReturnType<typeof planUpload>>) => plan.files.map((file) => file.pathInRepo);

describe("planUpload", () => {
  it("takes the card first, then the run's model files and quantized folders, and says what it left out", async () => {
    const plan = await planUpload({ path: RUN_FIXTURE });
    expect(paths(plan)).toEqual(EXPECTED_RUN_FILES);
    const folder = "not a quantized model folder (no config.json with a quantization_config)";
    expect(plan.skipped).toEqual([
      { path: "checkpoint-500/", reason: "a training checkpoint" },
      { path: "gptq-4bit/notes.md", reason: "not a model file" },
      { path: "logs/", reason: folder },
      { path: "notes.txt", reason: "not a model file" },
      { path: "optimizer.pt", reason: "training state" },
      { path: "rng_state.pth", reason: "training state" },
      { path: "scheduler.pt", reason: "training state" },
      { path: "training_args.bin", reason: "training state" },
    ]);
    expect(plan.outsideLinks).toEqual([]);
    expect(plan.unreadable).toEqual([]);
    expect(plan.card).toBe(plan.files[0]);
    expect(plan.totalBytes).toBe(plan.files.reduce((sum, file) => sum + file.size, 0));
  });

  it("keeps shard indexes, GGUF files, PEFT adapters and SentencePiece tokenizers", async () => {
    const dir = copyRunFixture();
    const kept = [
      "model.safetensors.index.json",
      "model-q4_k_m.gguf",
      "adapter_config.json",
      "adapter_model.safetensors",
      "tokenizer.model",
      "vocab.json",
      "merges.txt",
    ];
    for (const name of kept) writeFileSync(join(dir, name), "x");
    const plan = await planUpload({ path: dir });
    expect(paths(plan)).toEqual(expect.arrayContaining(kept));
  });

  it("leaves a subfolder without a quantization config out, and follows symlinks that stay inside the folder", async () => {
    const dir = copyRunFixture();
    mkdirSync(join(dir, "merged"));
    writeFileSync(join(dir, "merged", "config.json"), JSON.stringify({ model_type: "llama" }));
    writeFileSync(join(dir, "merged", "model.safetensors"), "x");
    symlinkSync(join(dir, "model.safetensors"), join(dir, "linked.safetensors"));
    const plan = await planUpload({ path: dir });
    expect(plan.skipped).toContainEqual({ path: "merged/", reason: expect.stringMatching(/^not a quantized/) });
    expect(plan.files.find((file) => file.pathInRepo === "linked.safetensors")?.size).toBeGreaterThan(1000);
  });

  it("notes a symlink that leads nowhere, walks a folder linked from inside once, and reports links out", async () => {
    const dir = copyRunFixture();
    symlinkSync(join(dir, "missing.safetensors"), join(dir, "dangling.safetensors"));
    symlinkSync(join(dir, "int8"), join(dir, "int8-again"));
    symlinkSync(dir, join(dir, "int8", "loop"));
    symlinkSync("/etc/hostname", join(dir, "outside.safetensors"));
    const plan = await planUpload({ path: dir, include: ["*.safetensors"] });
    expect(plan.skipped).toContainEqual({ path: "dangling.safetensors", reason: "a symlink that leads nowhere" });
    expect(paths(plan).filter((path) => path.startsWith("int8"))).toEqual(["int8/model.safetensors"]);
    expect(plan.skipped).toContainEqual({ path: "int8-again/", reason: "a link to a folder already walked" });
    expect(plan.skipped).toContainEqual({ path: "int8/loop/", reason: "a link to a folder already walked" });
    expect(plan.outsideLinks).toEqual([{ path: "outside.safetensors", target: "/etc/hostname" }]);
    const followed = await planUpload({ path: dir, include: ["*.safetensors"], followSymlinks: true });
    expect(paths(followed)).toContain("outside.safetensors");
    expect(followed.outsideLinks).toEqual([]);
  });

  it("sends a card file as README.md with the training curves beside it, or alone with cardOnly", async () => {
    const card = join(RUN_FIXTURE, "README.md");
    expect(paths(await planUpload({ path: card }))).toEqual(["README.md", "training_curves.png"]);
    expect(paths(await planUpload({ path: card, cardOnly: true }))).toEqual(["README.md"]);
    expect(paths(await planUpload({ path: RUN_FIXTURE, cardOnly: true }))).toEqual(["README.md"]);
  });

  it("names the path when it does not exist", async () => {
    const missing = join(RUN_FIXTURE, "nope");
    await expect(planUpload({ path: missing })).rejects.toThrow(`${missing}: no such file or folder`);
  });
});
