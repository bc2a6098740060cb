import { describe, expect, it } from "vitest";
import { splitJsonArray } from "./split-json-array.js";

/** A trainer_state.json of `entries` log entries, pretty-printed as Python writes it: several runs' worth. */
function trainerState(entries: number, extra: Record<string, unknown> = {}) {
  const log = Array.from({ length: entries }, (_, step) => ({ loss: 2 - step / entries, epoch: step / 100, step }));
  return JSON.stringify({ best_metric: null, global_step: entries, log_history: log, ...extra }, null, 2);
}

function runs(text: string, chunkBytes?: number) {
  const bytes = Buffer.from(text);
  const split = splitJsonArray(bytes, "log_history", JSON.parse, chunkBytes);
  const items: unknown[] = [];
  const cuts = split?.cuts ?? [];
  for (let index = 0; index < cuts.length; index += 2) {
    items.push(...JSON.parse(`[${bytes.toString("utf8", cuts[index], cuts[index + 1])}]`));
  }
  return { document: split?.document ?? null, items, runs: cuts.length / 2, cuts };
}

describe("splitJsonArray", () => {
  it("cuts the array into runs that read, one JSON.parse each, as what one JSON.parse reads", () => {
    const text = trainerState(40_000, { train_batch_size: 8, best_model_checkpoint: "modèle/checkpoint-40" });
    const { document, items, runs: count } = runs(text);
    const whole = JSON.parse(text);
    expect(count).toBeGreaterThan(3);
    expect(items).toEqual(whole.log_history);
    expect(document).toEqual({ ...whole, log_history: [] });
    expect(runs(trainerState(0))).toMatchObject({ items: [], runs: 0, document: { global_step: 0 } });
    expect(runs('{"log_history": [ \n ]}')).toMatchObject({ items: [], runs: 0 });
    // Small runs: every item its own.
    expect(runs(trainerState(5), 1).runs).toBe(5);
  });

  it("leaves out of the runs only whitespace and the commas between them", () => {
    const text = trainerState(3);
    const { cuts } = runs(text, 1);
    const bytes = Buffer.from(text);
    for (let index = 1; index + 1 < cuts.length; index += 2) {
      expect(bytes.toString("utf8", cuts[index], cuts[index + 1])).toMatch(/^\s*,$/);
    }
    // Not whitespace to JSON, though trim() would take it for some.
    expect(runs(text.replace("},\n", "}\u00a0,\n"), 1).document).toBeNull();
    expect(runs(text.replace('"log_history": [', '"log_history"\u00a0: [')).document).toBeNull();
  });

  it("gives up (null) where a cut could fall inside an item, so that the caller parses the whole text", () => {
    const nested = trainerState(30_000).replace('"loss": 2,', '"loss": 2, "extra": {"a": [1, 2]},');
    expect(runs(nested).document).toBeNull();
    const braces = trainerState(30_000).replace('"best_metric": null', '"best_metric": "} ] {"');
    expect(JSON.parse(braces).log_history).toHaveLength(30_000);
    const inString = runs(braces);
    expect(inString.document === null || inString.items.length === 30_000).toBe(true);
    expect(runs('{"log_history": "not a list"}').document).toBeNull();
    expect(runs('{"log_history": [{"loss": 1}, {"loss": 2').document).toBeNull();
    expect(runs('{"note": "log_history", "log_history": []}').document).toBeNull();
  });
});
