/**
 * The file a benchmark's scores go to: the dataset's name (`Idavidrein/gpqa` → `gpqa.yaml`,
 * `SWE-bench/SWE-bench_Verified` → `SWE-bench_Verified.yaml`), one file per benchmark as in the Hub's docs.
 */
export function evalResultsFileName(datasetId: string): string {
  const name = datasetId
    .slice(datasetId.lastIndexOf("/") + 1)
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^\.+/, "");
  return `${name || "results"}.yaml`;
}
