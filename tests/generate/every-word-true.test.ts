import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { memoryIo } from "../support/memory-io.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/smollm3-openhermes-fr/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

type Json = Record<string, unknown>;

/** A copy of a run folder (the example's by default), with files replaced or removed (null). */
function runFolder(files: Record<string, Json | string | null> = {}, from = EXAMPLE): string {
  const folder = join(mkdtempSync(join(tmpdir(), "modelcard-words-")), "run");
  cpSync(from, folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name);
    if (content === null) rmSync(path, { recursive: true, force: true });
    else {
      mkdirSync(join(path, ".."), { recursive: true });
      writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
    }
  }
  return folder;
}

function exampleJson(name: string): Json {
  return JSON.parse(readFileSync(join(EXAMPLE, name), "utf8")) as Json;
}

async function generate(args: string[], cwd: string) {
  const run = memoryIo({ cwd });
  const code = await cli(["generate", ...args], run.io);
  const written = (() => {
    try {
      return readFileSync(join(cwd, "README.md"), "utf8");
    } catch {
      return null;
    }
  })();
  const text = args.includes("--stdout") ? run.stdout() : written;
  return { code, stderr: run.stderr(), text: text ?? "", card: ModelCard.parse(text ?? "") };
}

describe("generate says only what is so", () => {
  it("--explain says how trainer_type was inferred from trainer_state.json, which names no trainer", async () => {
    const state = exampleJson("trainer_state.json");
    const log = state.log_history as Json[];
    log[0] = { ...log[0], mean_token_accuracy: 0.52 };
    const folder = runFolder({ "trainer_state.json": state, "training_config.json": null });
    const { code, stderr, card } = await generate(["--from", ".", "--explain", "--stdout", "--license", "mit"], folder);
    expect(code).toBe(0);
    expect(card.metadata.trainer_type).toBe("SFTTrainer");
    expect(stderr).toMatch(
      /^trainer_type = SFTTrainer +<- derived from trainer_state\.json, which names no trainer: its log_history logs mean_token_accuracy with the training loss, as only TRL's SFTTrainer does$/m,
    );
    expect(stderr).not.toMatch(/trainer_type = SFTTrainer +<- run file trainer_state\.json/);
  });

  it("keeps the configured epochs where they are configured, states the epochs the log trained, and warns", async () => {
    const state = { ...exampleJson("trainer_state.json"), num_train_epochs: 2 };
    const folder = runFolder({ "trainer_state.json": state, "training_config.json": null });
    const { code, stderr, card, text } = await generate(["--from", ".", "--stdout", "--license", "mit"], folder);
    expect(code).toBe(0);
    expect(card.metadata.max_epochs).toBe(2);
    expect(text).toContain("- **num_epochs:** 2\n");
    expect(text).toContain("- **Epochs trained:** 3\n");
    expect(stderr).toContain(
      `${join(folder, "trainer_state.json")}: warning epochs-contradiction: the run is configured for 2 epochs (trainer_state.json) but trainer_state.json shows it trained 3; the card keeps max_epochs: 2 as configured and states the 3 epochs trained in the body\n`,
    );
    const agreeing = await generate(["--from", ".", "--stdout", "--license", "mit"], runFolder());
    expect(agreeing.text).not.toContain("Epochs trained");
    expect(agreeing.stderr).not.toContain("epochs-contradiction");
  });
});
