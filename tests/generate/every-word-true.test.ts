import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { copyRunFolder } from "../support/example-run.js";
import { memoryIo } from "../support/memory-io.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/smollm3-openhermes-fr/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

type Json = Record<string, unknown>;

/** A copy of a run folder (the example's by default), with files replaced or removed (null). */
function runFolder(files: Record<string, Json | string | null> = {}, from = EXAMPLE): string {
  const folder = join(mkdtempSync(join(tmpdir(), "modelcard-words-")), "run");
  copyRunFolder(from, folder);
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

  it("says no evaluation is reported when the card has no metrics, not 'evaluated with the metrics above'", async () => {
    const folder = runFolder({
      "trainer_state.json": null,
      "all_results.json": null,
      "train_results.json": null,
      "eval_results.json": null,
      int8: null,
      int4: null,
    });
    const { code, text } = await generate(["--from", ".", "--stdout", "--license", "mit"], folder);
    expect(code).toBe(0);
    expect(text).not.toContain("## Evaluation");
    expect(text).not.toContain("metrics above");
    expect(text).toContain(
      "run inherits the limitations and biases of HuggingFaceTB/SmolLM3-3B and of OpenHermes-FR. This card reports no evaluation of it; check its outputs before relying on them.\n",
    );
    const evaluated = await generate(["--from", ".", "--stdout", "--license", "mit", "--language", "fr"], runFolder());
    expect(evaluated.text).toContain(
      "It has only been evaluated with the metrics above and in fr; check its outputs before relying on them.\n",
    );
  });

  it("names the package a variant's method needs: bitsandbytes for a bitsandbytes run, never torchao", async () => {
    const folder = runFolder({}, `${FIXTURES}bnb-run`);
    const args = [
      "--from",
      ".",
      "--stdout",
      "--license",
      "mit",
      "--repo-name",
      "me/qlora",
      "--pipeline-tag",
      "text-generation",
    ];
    const { code, text } = await generate(args, folder);
    expect(code).toBe(0);
    expect(text).not.toContain("torchao");
    expect(text).toContain(
      "Quantized variants live in subfolders of the same repository (loading them needs `pip install bitsandbytes`):\n",
    );
    const torchao = await generate(
      ["--from", ".", "--stdout", "--license", "mit", "--repo-name", "me/smol"],
      runFolder(),
    );
    expect(torchao.text).toContain(
      "Quantized variants live in subfolders of the same repository (loading them needs `pip install torchao`):\n",
    );
  });

  it("prints a column of whole numbers as whole numbers, measured values with four decimals", async () => {
    const state = exampleJson("trainer_state.json");
    const log = (state.log_history as Json[]).map((entry) =>
      "eval_loss" in entry ? { ...entry, eval_num_input_tokens_seen: (409600 * (entry.step as number)) / 50 } : entry,
    );
    const folder = runFolder({ "trainer_state.json": { ...state, log_history: log } });
    const { text } = await generate(["--from", ".", "--stdout", "--license", "mit"], folder);
    expect(text).toContain(
      "| Training Loss | Epoch | Step | Validation Loss | Mean Token Accuracy | Num Input Tokens Seen |\n",
    );
    expect(text).toContain("| 2.6555 | 0.2500 | 50 | 2.7093 | 0.5427 | 409600 |\n");
    expect(text).toContain("| 2.0986 | 3.0000 | 600 | 2.2898 | 0.5985 | 4915200 |\n");
    expect(text).not.toContain("409600.0000");
  });

  it("warns by default when metrics are left out of model-index for want of a dataset, naming the flags", async () => {
    const folder = runFolder({ "training_config.json": null });
    const { code, stderr, card, text } = await generate(["--from", ".", "--license", "mit"], folder);
    expect(code).toBe(0);
    expect(card.metadata["model-index"]).toBeUndefined();
    expect(text).toContain("| Validation Loss | 2.2898 |\n");
    expect(stderr).toContain(
      `${join(folder, "README.md")}: warning no-model-index: the metrics (Training Loss, Validation Loss, Perplexity, Mean Token Accuracy, Memory Reduction) are left out of model-index, since the Hub rejects a result without a dataset; the body still shows them. Give --dataset-repo (the dataset's Hub id) or --dataset-name to publish them as evaluation results\n`,
    );
    const withDataset = await generate(
      ["--from", ".", "--stdout", "--license", "mit", "--dataset-repo", "me/hermes-fr"],
      runFolder({ "training_config.json": null }),
    );
    expect(withDataset.stderr).not.toContain("no-model-index");
    expect((withDataset.card.metadata["model-index"] as unknown[]).length).toBe(3);
  });

  it("keeps token counts and preparation time out of model-index: they are logged beside metrics, not metrics", async () => {
    const results = {
      ...exampleJson("eval_results.json"),
      eval_num_input_tokens_seen: 4915200,
      eval_model_preparation_time: 0.0021,
    };
    const folder = runFolder({ "eval_results.json": results });
    const { code, card } = await generate(
      ["--from", ".", "--stdout", "--license", "mit", "--dataset-repo", "me/hermes-fr"],
      folder,
    );
    expect(code).toBe(0);
    const metricNames = (card.evalResults ?? []).map((result) => result.metricName ?? result.metricType);
    expect(metricNames.length).toBeGreaterThan(0);
    expect(metricNames.join(" ")).not.toMatch(/Tokens|Preparation/i);
  });

  it("keeps a dataset name that cannot be a Hub id as a display name, out of datasets:, and cites <stdout>", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-words-"));
    const args = ["--profile", "smollm3", "--model-name", "M", "--training-loss", "2.1", "--stdout"];
    const { code, stderr, card, text } = await generate([...args, "--dataset-name", "Open Hermes FR"], folder);
    expect(code).toBe(0);
    expect(card.metadata.datasets).toBeUndefined();
    expect(card.metadata.tags).not.toContain("dataset:Open Hermes FR");
    expect(card.metadata["model-index"]).toEqual([
      {
        name: "M",
        results: [
          {
            task: { type: "text-generation" },
            dataset: { name: "Open Hermes FR", type: "Open Hermes FR" },
            metrics: [{ name: "Training Loss", type: "loss", value: 2.1 }],
          },
        ],
      },
    ]);
    expect(text).toContain("- **Dataset:** Open Hermes FR\n");
    expect(stderr).toBe(
      '<stdout>: warning dataset-display-name: the dataset name "Open Hermes FR" (--dataset-name) cannot be a Hub dataset id, so it is shown as the dataset\'s name (model-index dataset.name and the body) and left out of datasets:; give its Hub id with --dataset-repo owner/name to list it\n',
    );
    expect(stderr).not.toContain("README.md");
    for (const id of ["OpenHermes-FR", "me/OpenHermes-FR"]) {
      const named = await generate([...args, "--dataset-name", id], folder);
      expect(named.card.metadata.datasets).toEqual([id]);
      expect(named.card.metadata.tags).toContain(`dataset:${id}`);
      expect(named.stderr).toBe("");
    }
  });

  it("refuses a --repo-name that is not a repository id, as push does", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-words-"));
    const { code, stderr, text } = await generate(
      ["--profile", "smollm3", "--repo-name", "not a repo", "--stdout"],
      folder,
    );
    expect(code).toBe(2);
    expect(text).toBe("");
    expect(stderr).toBe(
      'modelcard: --repo-name "not a repo": not a Hub repository id; expected OWNER/NAME (letters, digits, - _ .), e.g. --repo-name my-user/my-model\n',
    );
    const config = join(folder, "card.yaml");
    writeFileSync(config, "repo-name: just-a-name\n");
    const fromConfig = await generate(["--profile", "smollm3", "--config", config, "--stdout"], folder);
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toContain(`--repo-name "just-a-name" (from config ${config}): not a Hub repository id`);
    const good = await generate(["--profile", "smollm3", "--repo-name", "me/my-model", "--stdout"], folder);
    expect(good.code).toBe(0);
    expect(good.text).toContain('model_id = "me/my-model"');
  });

  it("says why base_model is left out when the run names a local path, and names --base-model", async () => {
    const config = { ...exampleJson("config.json"), _name_or_path: "/home/me/checkpoints/smollm3-base" };
    const folder = runFolder({ "config.json": config, "training_config.json": null });
    const { code, stderr, card } = await generate(["--from", ".", "--stdout", "--license", "mit", "--strict"], folder);
    expect(code).toBe(0);
    expect(card.metadata.base_model).toBeUndefined();
    expect(stderr).toContain(
      `${join(folder, "config.json")}: note base-model-path: _name_or_path is "/home/me/checkpoints/smollm3-base", not a Hub model id (owner/name), so base_model is left out: give the base model's Hub id with --base-model, e.g. --base-model HuggingFaceTB/SmolLM3-3B\n`,
    );
    const given = await generate(
      ["--from", ".", "--stdout", "--license", "mit", "--base-model", "HuggingFaceTB/SmolLM3-3B"],
      runFolder({ "config.json": config, "training_config.json": null }),
    );
    expect(given.card.metadata.base_model).toBe("HuggingFaceTB/SmolLM3-3B");
    expect(given.stderr).not.toContain("base-model-path");
  });

  it("names the options for the rules a generated card fails, not unrelated ones", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-words-"));
    const { code, stderr } = await generate(["--profile", "smollm3", "--license", "Apache 2", "--stdout"], folder);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^<stdout>:\d+:\d+: error license: /m);
    expect(stderr).toContain(
      "<stdout>: the generated card has errors (see above); nothing was written. Give the missing or wrong values with their options (--license), a --config file or a --profile, then run again.\n",
    );
    expect(stderr).not.toContain("README.md");
  });
});
