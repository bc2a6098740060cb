import { describe, expect, it } from "vitest";
import { parseArrayInChunks } from "./parse-array-in-chunks.js";

/** A trainer_state.json of `entries` log entries, pretty-printed as Python writes it: several chunks' worth. */
function trainerState(entries: number, extra: Record<string, unknown> = {}) {
  const log = Array.from({ length: entries }, (_, step) => ({ loss: 2 - step / entries, epoch: step / 100, step }));
  return JSON.stringify({ best_metric: null, global_step: entries, log_history: log, ...extra }, null, 2);
}

function chunks(text: string) {
  const items: unknown[] = [];
  let calls = 0;
  const document = parseArrayInChunks(text, "log_history", (chunk) => {
    items.push(...chunk);
    calls++;
  });
  return { document, items, calls };
}

describe("parseArrayInChunks", () => {
  it("reads what one JSON.parse reads, a chunk at a time", () => {
    const text = trainerState(40_000, { train_batch_size: 8 });
    const { document, items, calls } = chunks(text);
    const whole = JSON.parse(text);
    expect(calls).toBeGreaterThan(3);
    expect(items).toEqual(whole.log_history);
    expect(document).toEqual({ ...whole, log_history: [] });
    expect(chunks(trainerState(0)).items).toEqual([]);
  });

  it("gives up (null) where a cut could fall inside an item, so that the caller parses the whole text", () => {
    const nested = trainerState(30_000).replace('"loss": 2,', '"loss": 2, "extra": {"a": [1, 2]},');
    expect(chunks(nested).document).toBeNull();
    const braces = trainerState(30_000).replace('"best_metric": null', '"best_metric": "} ] {"');
    expect(JSON.parse(braces).log_history).toHaveLength(30_000);
    const inString = chunks(braces);
    expect(inString.document === null || inString.items.length === 30_000).toBe(true);
    expect(chunks('{"log_history": "not a list"}').document).toBeNull();
    expect(chunks('{"log_history": [{"loss": 1}, {"loss": 2').document).toBeNull();
  });
});
