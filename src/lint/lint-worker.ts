import { parentPort, workerData } from "node:worker_threads";
import { lintFile } from "./lint-file.js";
import type { LintWorkerData, LintWorkerRequest, LintWorkerResponse } from "./lint-worker-protocol.js";
import { loadLintConfig } from "./load-lint-config.js";

// A worker thread of `lintFiles`: loads the configuration once, then lints the batches it is sent.
const data = workerData as LintWorkerData;
const { cwd, fix } = data;
const port = parentPort;
if (!port) throw new Error("lint-worker.ts runs as a worker thread of lintFiles");
const config = data.configPath === null ? data.config : await loadLintConfig(data.configPath, cwd);

port.on("message", async ({ id, files }: LintWorkerRequest) => {
  const results = [];
  for (const file of files) results.push(await lintFile(file.path, { config, fix, onlyCards: !file.explicit }));
  port.postMessage({ id, results } satisfies LintWorkerResponse);
});
port.postMessage({ ready: true });
