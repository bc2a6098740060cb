/**
 * The task of a benchmark's `eval.yaml` that a harness ran, by the dataset subset it ran on: the task whose
 * `config` (or, failing that, `id`) is the subset; a benchmark with a single task when the subset is unknown or
 * that task names no other config. Null when the eval.yaml does not settle it: no guess.
 */
export function matchBenchmarkTask(
  tasks: readonly { id: string; config?: string }[],
  subset: string | null,
): string | null {
  if (subset !== null) {
    const byConfig = tasks.filter((task) => task.config === subset);
    if (byConfig.length === 1) return byConfig[0]!.id;
    const byId = tasks.filter((task) => task.id === subset);
    if (byConfig.length === 0 && byId.length === 1) return byId[0]!.id;
  }
  const only = tasks.length === 1 ? tasks[0]! : null;
  if (only && (subset === null || only.config === undefined)) return only.id;
  return null;
}
