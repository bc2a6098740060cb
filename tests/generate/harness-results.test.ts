import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { copyRunFolder } from "../support/example-run.js";
import { memoryIo } from "../support/memory-io.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/smollm3-openhermes-fr/", import.meta.url));
const LM_EVAL = fileURLToPath(
  new URL("../../examples/eval-import/lm-eval/results_2026-05-20T09-12-44.118262.json", import.meta.url),
);
const RESULTS = "lm-eval/HuggingFaceTB__SmolLM3-3B/results_2026-05-20T09-12-44.118262.json";

function runWithHarnessResults(): string {
  const run = join(mkdtempSync(join(tmpdir(), "modelcard-generate-harness-")), "smollm3-openhermes-fr");
  copyRunFolder(EXAMPLE, run);
  mkdirSync(join(run, "lm-eval/HuggingFaceTB__SmolLM3-3B"), { recursive: true });
  cpSync(LM_EVAL, join(run, RESULTS));
  return run;
}

describe("generate --from RUN with harness results in the run folder", () => {
  it("adds their top-level tasks' metrics to the model's model-index and --explain names each file and key", async () => {
    const run = runWithHarnessResults();
    // Not harness results: a note, and the rest goes on.
    writeFileSync(join(run, "results_notes.json"), '{"accuracy": 0.5}');
    const terminal = memoryIo({ cwd: run });
    expect(
      await cli(["generate", "--from", ".", "--license", "apache-2.0", "--stdout", "--explain"], terminal.io),
    ).toBe(0);
    const card = ModelCard.parse(terminal.stdout());
    const imported = (card.evalResults ?? []).filter((result) => result.sourceName === "lm-evaluation-harness");
    expect(imported.map((result) => [result.datasetName, result.metricName, result.metricValue])).toEqual([
      ["gsm8k", "exact_match,strict-match", 0.7361637604245641],
      ["gsm8k", "exact_match,flexible-extract", 0.7429871114480667],
      ["gpqa_diamond_zeroshot", "acc,none", 0.32323232323232326],
      ["gpqa_diamond_zeroshot", "acc_norm,none", 0.3333333333333333],
      ["hellaswag", "acc,none", 0.6027683728340968],
      ["hellaswag", "acc_norm,none", 0.7907787293367855],
    ]);
    // They go to the model's own entry, not its quantized variants'.
    expect((card.metadata["model-index"] as { name: string }[])[0]?.name).toBe("smollm3-openhermes-fr");
    const stderr = terminal.stderr();
    expect(stderr).toMatch(
      /\nmodel-index: gsm8k exact_match,strict-match = 0\.7361637604245641 +<- run file lm-eval\/HuggingFaceTB__SmolLM3-3B\/results_2026-05-20T09-12-44\.118262\.json results\["gsm8k"\]\["exact_match,strict-match"\]\n/,
    );
    expect(stderr).toContain('note: results_notes.json: not evaluation-harness results (no "results" mapping)');
    expect(stderr).toContain(
      "note: no task id for openai/gsm8k, Idavidrein/gpqa, so no .eval_results/ entry; give them as evalTaskIds in modelcard.config.yaml, or run modelcard eval import with --task-id\n",
    );
  });

  it("writes the registered benchmarks' .eval_results/ entries beside the card, task ids from modelcard.config.yaml", async () => {
    const run = runWithHarnessResults();
    writeFileSync(
      join(run, "modelcard.config.yaml"),
      "evalTaskIds:\n  openai/gsm8k: main\n  Idavidrein/gpqa: gpqa_diamond\n",
    );
    const terminal = memoryIo({ cwd: run });
    expect(await cli(["generate", "--from", ".", "--license", "apache-2.0", "--explain"], terminal.io)).toBe(0);
    expect(readFileSync(join(run, ".eval_results/gsm8k.yaml"), "utf8")).toBe(
      "- dataset:\n    id: openai/gsm8k\n    task_id: main\n  value: 0.7361637604245641\n  date: '2026-05-20T09:12:44Z'\n  notes: lm-evaluation-harness 0.4.12; gsm8k; 5-shot; exact_match; filter strict-match\n",
    );
    expect(readFileSync(join(run, ".eval_results/gpqa.yaml"), "utf8")).toContain("  value: 0.3333333333333333\n");
    expect(existsSync(join(run, ".eval_results/hellaswag.yaml"))).toBe(false);
    expect(terminal.stderr()).toMatch(
      /\n\.eval_results: openai\/gsm8k:main = 0\.7361637604245641 +<- run file lm-eval\/HuggingFaceTB__SmolLM3-3B\/results_2026-05-20T09-12-44\.118262\.json results\["gsm8k"\]\n/,
    );
    expect(terminal.stderr()).toContain(`wrote ${join(run, ".eval_results/gsm8k.yaml")}\n`);
  });
});
