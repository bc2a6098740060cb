import { describe, expect, it } from "vitest";
import { readLogChunks } from "./read-log-chunks.js";
import { type LogChunk, reduceLogEntries } from "./reduce-log-entries.js";
import { rewriteNonFinite } from "./rewrite-non-finite.js";
import { splitJsonArray } from "./split-json-array.js";
import { type LogJob, type LogJobResult, type LogWorker, startLogWorker } from "./start-log-worker.js";
import { collectTrainingLog } from "./training-log.js";

/** A log_history as Trainer writes it (a loss every step, an evaluation every 20, a summary), as shared bytes. */
function trainerState(entries: number, edit: (text: string) => string = (text) => text) {
  const log: Record<string, number>[] = [];
  for (let step = 1; step <= entries; step++) {
    log.push({ loss: 2 - step / entries, grad_norm: step + 0.5, learning_rate: 5e-6, epoch: step / 100, step });
    if (step % 20 === 0) log.push({ eval_loss: 2.1 - step / entries, eval_runtime: 1.5, epoch: step / 100, step });
    // A metric named in UTF-8 (its run is read as UTF-8, the others as Latin-1), one named like a prototype.
    if (step === 1500) log.push({ eval_loss: 1.7, eval_précision: 0.5, ["__proto__"]: 0.25, step });
  }
  log.push({ train_runtime: 100, train_loss: 1.5, epoch: entries / 100, step: entries });
  const text = edit(JSON.stringify({ global_step: entries, log_history: log }, null, 2));
  const bytes = Buffer.from(new SharedArrayBuffer(Buffer.byteLength(text)));
  bytes.write(text);
  const split = splitJsonArray(bytes, "log_history", JSON.parse, 4096);
  if (!split) throw new Error("not split");
  const whole = () => collectTrainingLog().add(pythonParse()(text).log_history).log;
  return { bytes, cuts: split.cuts, whole: text.includes(".5.5") ? null : whole() };
}

/** Python's NaN read as null, counted. */
function pythonParse() {
  const parse = (json: string) => {
    const rewrite = rewriteNonFinite(json);
    parse.nonFinite += rewrite.nonFinite;
    return JSON.parse(rewrite.text);
  };
  parse.nonFinite = 0;
  return parse;
}

async function read(state: ReturnType<typeof trainerState>, worker: LogWorker | null, parse = pythonParse()) {
  const chunks = await readLogChunks(state.bytes, state.cuts, parse, worker);
  const log = chunks && collectTrainingLog().merge(...chunks).log;
  return { done: chunks !== null, log, nonFinite: parse.nonFinite };
}

/** A worker that claims the last `share` runs as soon as it is given the job (or dies having claimed them). */
function eagerWorker(share: number, die = false): LogWorker & { stopped: boolean } {
  let answer: (results: LogJobResult) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const worker = {
    stopped: false,
    results: new Promise<LogJobResult>((resolve, reject) => {
      [answer, fail] = [resolve, reject];
    }),
    post({ bytes, cuts, claims }: LogJob) {
      const results: LogJobResult = [];
      for (let index = cuts.length / 2 - 1; index >= Math.max(0, cuts.length / 2 - share); index--) {
        if (Atomics.compareExchange(claims, index, 0, 2) !== 0) break;
        const text = Buffer.from(bytes).toString("utf8", cuts[2 * index], cuts[2 * index + 1]);
        let chunk: LogChunk | null = null;
        try {
          chunk = reduceLogEntries(JSON.parse(`[${text}]`));
        } catch {}
        results.push({ index, chunk });
      }
      if (die) fail(new Error("died"));
      else answer(results);
    },
    stop() {
      worker.stopped = true;
    },
  };
  return worker;
}

describe("readLogChunks", () => {
  it("reads the runs in this thread alone, or shared with a worker, into the log one reading gives", async () => {
    const state = trainerState(3000);
    expect(state.cuts.length / 2).toBeGreaterThan(50);
    expect(await read(state, null)).toEqual({ done: true, log: state.whole, nonFinite: 0 });
    const worker = eagerWorker(30);
    expect(await read(state, worker)).toEqual({ done: true, log: state.whole, nonFinite: 0 });
    expect(worker.stopped).toBe(true);
    // A worker that dies with runs claimed: this thread reads them.
    expect(await read(state, eagerWorker(30, true))).toEqual({ done: true, log: state.whole, nonFinite: 0 });
  });

  it("reads here the worker's runs that JSON.parse refused: Python's NaN, counted, or a corrupt file (false)", async () => {
    // Near the end: in the worker's runs.
    const nan = trainerState(3000, (text) => text.replace('"grad_norm": 2950.5', '"grad_norm": NaN'));
    expect(await read(nan, eagerWorker(200))).toEqual({ done: true, log: nan.whole, nonFinite: 1 });
    const corrupt = trainerState(3000, (text) => text.replace('"grad_norm": 2950.5', '"grad_norm": 2950.5.5'));
    const worker = eagerWorker(200);
    expect((await read(corrupt, worker)).done).toBe(false);
    expect(worker.stopped).toBe(true);
  });

  it("has a worker thread that reads what this thread would, from the source of the same functions", async () => {
    const state = trainerState(3000);
    const worker = startLogWorker();
    const claims = new Int32Array(new SharedArrayBuffer(2 * state.cuts.length));
    worker.post({ bytes: state.bytes, cuts: state.cuts, claims });
    const results = await worker.results;
    worker.stop();
    expect(results.map(({ index }) => index)).toEqual(
      state.cuts
        .map((_, index) => index)
        .filter((index) => index < state.cuts.length / 2)
        .reverse(),
    );
    const collector = collectTrainingLog();
    for (const { chunk } of results.reverse()) {
      if (!chunk) throw new Error("a run the worker could not read");
      collector.merge(chunk);
    }
    expect(collector.log).toEqual(state.whole);
    expect([...claims].every((claim) => claim === 2)).toBe(true);
  });
});
