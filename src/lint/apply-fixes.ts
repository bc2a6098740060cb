import type { LintMessage } from "./types.js";

/**
 * Applies the messages' fixes to `text`, in order of position; a fix that overlaps one already applied waits
 * for the next pass (ESLint's rule), so every applied edit sees the text its rule saw.
 */
export function applyFixes(text: string, messages: readonly LintMessage[]): { text: string; applied: number } {
  const fixes = messages
    .map((message) => message.fix)
    .filter((fix) => fix !== undefined)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = "";
  let cursor = 0;
  let applied = 0;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (start < cursor || end < start || end > text.length) continue;
    output += text.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { text: output + text.slice(cursor), applied };
}
