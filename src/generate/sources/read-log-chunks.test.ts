import { isAscii } from "node:buffer";
import { mkdtempSync, openSync, readSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonArrayRun } from "./json-array-run.js";
import { planJsonArray, SLACK_BYTES } from "./plan-json-array.js";
import { readLogChunks } from "./read-log-chunks.js";
import { type LogChunk, reduceLogEntries } from "./reduce-log-entries.js";
import { rewriteNonFinite } from "./rewrite-non-finite.js";
import { type LogJob, type LogJobResult, type LogWorker, startLogWorker } from "./start-log-worker.js";
import { collectTrainingLog } from "./training-log.js";

const folder = mkdtempSync(join(tmpdir(), "modelcard-log-chunks-"));
let files = 0;

/** A log_history as Trainer writes it (a loss every step, an evaluation every 20, a summary), in a file. */
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
  const path = join(folder, `trainer_state-${files++}.json`);
  writeFileSync(path, text);
  const fd = openSync(path, "r");
  const planned = planJsonArray(fd, Buffer.byteLength(text), "log_history", pythonParse(), 4096);
  if (!planned) throw new Error("not planned");
  const whole = () => collectTrainingLog().add(pythonParse()(text).log_history).log;
  return { fd, plan: planned.plan, whole: text.includes(".5.5") ? null : whole() };
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
  const chunks = await readLogChunks(state.fd, state.plan, parse, worker);
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
    post({ fd, plan, claims }: LogJob) {
      const results: LogJobResult = [];
      const scratch = Buffer.allocUnsafe(plan.runBytes + SLACK_BYTES + 2);
      for (let index = plan.runs - 1; index >= Math.max(0, plan.runs - share); index--) {
        if (Atomics.compareExchange(claims, index, 0, 2) !== 0) break;
        const text = jsonArrayRun(fd, plan, index, scratch, readSync, isAscii) ?? "";
        let chunk: LogChunk | null = null;
        try {
          chunk = reduceLogEntries(JSON.parse(text));
        } catch {}
        results.push({ index, chunk });
      }
      if (die) fail(new Error("died"));
      else answer(results);
    },
    async stop() {
      worker.stopped = true;
    },
  };
  return worker;
}

describe("readLogChunks", () => {
  it("reads the runs in this thread alone, or shared with a worker, into the log one reading gives", async () => {
    const state = trainerState(3000);
    expect(state.plan.runs).toBeGreaterThan(50);
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
    const claims = new Int32Array(new SharedArrayBuffer(4 * state.plan.runs));
    worker.post({ fd: state.fd, plan: state.plan, claims });
    const results = await worker.results;
    await worker.stop();
    expect(results.map(({ index }) => index)).toEqual(Array.from(claims, (_, index) => index).reverse());
    const collector = collectTrainingLog();
    for (const { chunk } of results.reverse()) {
      if (!chunk) throw new Error("a run the worker could not read");
      collector.merge(chunk);
    }
    expect(collector.log).toEqual(state.whole);
    expect([...claims].every((claim) => claim === 2)).toBe(true);
  });
});
