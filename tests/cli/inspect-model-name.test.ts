import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { copyRunFolder } from "../support/example-run.js";
import { memoryIo } from "../support/memory-io.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/smollm3-openhermes-fr/", import.meta.url));

/** The example run's card, as `generate` writes it: the model first, then its int8 and int4 variants. */
async function exampleCard(): Promise<string> {
  const folder = join(mkdtempSync(join(tmpdir(), "modelcard-inspect-")), "smollm3-openhermes-fr");
  copyRunFolder(EXAMPLE, folder);
  const run = memoryIo({ cwd: folder });
  expect(await cli(["generate", "--from", ".", "--license", "apache-2.0"], run.io)).toBe(0);
  return join(folder, "README.md");
}

describe("the card's model name is its first model-index entry's", () => {
  it("inspect, inspect --json, card.modelName and update --add-eval agree on the example card", async () => {
    const path = await exampleCard();
    const card = ModelCard.parse(readFileSync(path, "utf8"));
    const names = (card.metadata["model-index"] as { name: string }[]).map((entry) => entry.name);
    expect(names).toEqual([
      "smollm3-openhermes-fr",
      "smollm3-openhermes-fr (int8 quantized)",
      "smollm3-openhermes-fr (int4 quantized)",
    ]);
    expect(card.modelName).toBe("smollm3-openhermes-fr");

    const summary = memoryIo();
    expect(await cli(["inspect", path], summary.io)).toBe(0);
    expect(summary.stdout()).toContain("\n  model name:   smollm3-openhermes-fr\n");
    const json = memoryIo();
    await cli(["inspect", path, "--json"], json.io);
    expect(JSON.parse(json.stdout()).modelName).toBe("smollm3-openhermes-fr");

    const update = memoryIo();
    const eval_ =
      "taskType=text-generation,datasetType=OpenHermes-FR,datasetName=OpenHermes-FR,metricType=accuracy,metricName=Accuracy,metricValue=0.5";
    expect(await cli(["update", path, "--add-eval", eval_], update.io)).toBe(0);
    const updated = ModelCard.parse(readFileSync(path, "utf8"));
    const entries = updated.metadata["model-index"] as { name: string; results: { metrics: { name: string }[] }[] }[];
    expect(entries[0]?.results[0]?.metrics.map((metric) => metric.name)).toContain("Accuracy");
    expect(entries[2]?.results[0]?.metrics.map((metric) => metric.name)).toEqual(["Memory Reduction"]);
    expect(updated.modelName).toBe("smollm3-openhermes-fr");
  });
});
