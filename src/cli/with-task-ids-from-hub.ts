import { type BenchmarkTaskIds, type MissingTaskId, matchBenchmarkTask } from "../eval-import/index.js";
import type { CliIo } from "./io.js";

/**
 * `given` with the task ids it lacks read from each benchmark's eval.yaml on the Hub (short timeouts, no retry),
 * matched by the harness's subset; `given` wins. A benchmark whose eval.yaml cannot be read is a note on stderr
 * and keeps no id. The caller checks that the Hub may be contacted.
 */
export async function withTaskIdsFromHub(
  missing: readonly MissingTaskId[],
  given: BenchmarkTaskIds,
  io: CliIo,
): Promise<BenchmarkTaskIds> {
  const { readBenchmarkTasks } = await import("../hub/read-benchmark-tasks.js");
  const { resolveHubCredentials } = await import("../hub/resolve-hub-credentials.js");
  const credentials = resolveHubCredentials({ env: io.env });
  const found: Record<string, string | Record<string, string>> = {};
  for (const datasetId of new Set(missing.map((entry) => entry.datasetId))) {
    let tasks: Awaited<ReturnType<typeof readBenchmarkTasks>>;
    try {
      tasks = await readBenchmarkTasks({ datasetId, hubUrl: credentials.hubUrl, accessToken: credentials.accessToken });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr(`note: ${datasetId}'s eval.yaml was not read, its task ids stay unknown: ${reason}\n`);
      continue;
    }
    const bySubset: Record<string, string> = {};
    for (const { subset } of missing.filter((entry) => entry.datasetId === datasetId)) {
      const id = matchBenchmarkTask(tasks, subset);
      if (id === null) continue;
      // A task run without a known subset: the benchmark's one id stands for all of them.
      if (subset === null) found[datasetId] = id;
      else bySubset[subset] = id;
    }
    if (found[datasetId] === undefined && Object.keys(bySubset).length > 0) found[datasetId] = bySubset;
  }
  return { ...found, ...given };
}
