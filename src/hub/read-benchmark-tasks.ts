import { readHubYaml } from "../card/index.js";
import { HubAnswerError } from "./hub-answer-error.js";
import { type HubConnectionParams, openHubSession } from "./open-hub-session.js";

/** A task of a benchmark's `eval.yaml`: its id, and the dataset config and split it runs on. */
export interface BenchmarkTask {
  id: string;
  config?: string;
  split?: string;
}

export interface ReadBenchmarkTasksParams extends HubConnectionParams {
  /** The benchmark dataset's repo id, e.g. `Idavidrein/gpqa`. */
  datasetId: string;
}

/** A short wait: the task ids are a convenience, the import goes on without them. */
const SHORT_TIMEOUTS = { connectMs: 3_000, idleMs: 5_000 };

/**
 * Reads a benchmark's `eval.yaml` (`datasets/<id>/resolve/main/eval.yaml`, short timeouts, no retry) and returns
 * its `tasks[]` that have a string `id`. A missing file, an answer that is not 2xx and YAML the Hub's reader
 * rejects throw a HubAnswerError; the caller decides that a failure is only a note.
 */
export async function readBenchmarkTasks(params: ReadBenchmarkTasksParams): Promise<BenchmarkTask[]> {
  const session = openHubSession({ timeouts: SHORT_TIMEOUTS, ...params, retry: { maxRetries: 0, ...params.retry } });
  const path = `/datasets/${params.datasetId}/resolve/main/eval.yaml`;
  const headers: Record<string, string> = session.accessToken ? { Authorization: `Bearer ${session.accessToken}` } : {};
  const response = await session.fetch(`${session.hubUrl}${path}`, { headers });
  const text = await response.text();
  if (!response.ok)
    throw new HubAnswerError(`GET ${path}`, response.status, `the Hub answered ${response.status} to GET ${path}`);
  const reading = readHubYaml(text);
  if (!reading.ok) throw new HubAnswerError(`GET ${path}`, response.status, `${path}: not YAML (${reading.reason})`);
  const tasks = (reading.value as { tasks?: unknown } | null)?.tasks;
  if (!Array.isArray(tasks)) return [];
  return tasks.flatMap((task: unknown) => {
    if (typeof task !== "object" || task === null) return [];
    const { id, config, split } = task as Record<string, unknown>;
    if (typeof id !== "string" || id === "") return [];
    return [
      {
        id,
        ...(typeof config === "string" ? { config } : {}),
        ...(typeof split === "string" ? { split } : {}),
      },
    ];
  });
}
