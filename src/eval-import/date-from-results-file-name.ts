/**
 * The run's start from a results file's name, as both harnesses write it (`results_2026-01-21T03-44-18.458309.json`,
 * local time with `:` replaced by `-`): `2026-01-21T03:44:18`, or null when the name has no such timestamp.
 */
export function dateFromResultsFileName(fileName: string): string | null {
  const match = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:\.\d+)?\.json$/.exec(fileName);
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}` : null;
}
