import { isAscii } from "node:buffer";
import { closeSync, mkdtempSync, openSync, readSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonArrayRun } from "./json-array-run.js";
import { planJsonArray, SLACK_BYTES } from "./plan-json-array.js";

/** A trainer_state.json of `entries` log entries, pretty-printed as Python writes it: several runs' worth. */
function trainerState(entries: number, extra: Record<string, unknown> = {}) {
  const log = Array.from({ length: entries }, (_, step) => ({ loss: 2 - step / entries, epoch: step / 100, step }));
  return JSON.stringify({ best_metric: null, global_step: entries, log_history: log, ...extra }, null, 2);
}

const folder = mkdtempSync(join(tmpdir(), "modelcard-plan-"));

/** Plans `text`'s log_history and reads every run: what it holds, or null where either gives up. */
function runs(text: string, runBytes?: number) {
  const path = join(folder, "trainer_state.json");
  writeFileSync(path, text);
  const fd = openSync(path, "r");
  try {
    const planned = planJsonArray(fd, Buffer.byteLength(text), "log_history", JSON.parse, runBytes);
    if (!planned) return { document: null, items: null, runs: 0, texts: [] };
    const scratch = Buffer.alloc(planned.plan.runBytes + SLACK_BYTES + 2);
    const texts: string[] = [];
    for (let index = 0; index < planned.plan.runs; index++) {
      const run = jsonArrayRun(fd, planned.plan, index, scratch, readSync, isAscii);
      if (run === null) return { document: planned.document, items: null, runs: planned.plan.runs, texts };
      texts.push(run);
    }
    const items = texts.flatMap((run) => JSON.parse(run));
    return { document: planned.document, items, runs: planned.plan.runs, texts };
  } catch {
    return { document: null, items: null, runs: 0, texts: [] };
  } finally {
    closeSync(fd);
  }
}

describe("planJsonArray and jsonArrayRun", () => {
  it("read, a run at a time, what one JSON.parse reads", () => {
    const text = trainerState(40_000, { train_batch_size: 8, best_model_checkpoint: "modèle/checkpoint-40" });
    const whole = JSON.parse(text);
    const { document, items, runs: count } = runs(text);
    expect(count).toBeGreaterThan(3);
    expect(items).toEqual(whole.log_history);
    expect(document).toEqual({ ...whole, log_history: [] });
    expect(runs(trainerState(0))).toMatchObject({ items: [], runs: 0, document: { global_step: 0 } });
    expect(runs('{"log_history": [ \n ]}')).toMatchObject({ items: [], runs: 0 });
    // Runs of a byte: an item each, the others empty; runs longer than their items' size: the same.
    const small = trainerState(5);
    expect(runs(small, 1).items).toEqual(JSON.parse(small).log_history);
    expect(runs(small, 1).texts.filter((run) => run !== "[]")).toHaveLength(5);
    expect(runs(small, 10_000)).toMatchObject({ items: JSON.parse(small).log_history, runs: 1 });
  });

  it("leave out of the runs only JSON whitespace and the commas between them", () => {
    const text = trainerState(3);
    // The runs and what lies between them make up the whole array.
    const joined = runs(text, 1)
      .texts.filter((run) => run !== "[]")
      .map((run) => run.slice(1, -1))
      .join(",");
    expect(JSON.parse(`[${joined}]`)).toEqual(JSON.parse(text).log_history);
    // Not whitespace to JSON, though trim() would take it for some.
    expect(runs(text.replace("},\n", "}\u00a0,\n"), 1).items).toBeNull();
    expect(runs(text.replace('"log_history": [', '"log_history"\u00a0: [')).document).toBeNull();
  });

  it("give up (null) where a cut could fall inside an item, so that the caller parses the whole text", () => {
    const nested = trainerState(30_000).replace('"loss": 2,', '"loss": 2, "extra": {"a": [1, 2]},');
    expect(runs(nested).items).toBeNull();
    const braces = trainerState(30_000).replace('"best_metric": null', '"best_metric": "} ] {"');
    expect(JSON.parse(braces).log_history).toHaveLength(30_000);
    expect(runs(braces).items).toEqual(JSON.parse(braces).log_history);
    const inString = trainerState(30_000).replaceAll('"loss": 1', '"loss": 1, "note": "}, {"');
    expect(runs(inString).items).toBeNull();
    expect(runs('{"log_history": "not a list"}').document).toBeNull();
    expect(runs('{"log_history": [{"loss": 1}, {"loss": 2').document).toBeNull();
    expect(runs('{"note": "log_history", "log_history": []}').document).toBeNull();
    // An array after log_history: its "]" is not the one that closes log_history.
    const after = trainerState(30_000, { trial_params: [1, 2] });
    expect(runs(after).items).toBeNull();
  });
});
