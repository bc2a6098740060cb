import { CST, Parser } from "yaml";

/**
 * How deep collections may nest in front matter. js-yaml, the Hub's reader, recurses once per level and runs out of
 * stack near 1,800 levels in flow style and 2,300 in block style on a main thread (deeper in worker threads), and
 * `yaml`'s Document reader (what edits use) aborts the whole process further down; real cards nest under 10 levels.
 * Past this limit a card is reported, never handed to either reader, so the verdict is the same in every thread.
 */
export const MAX_NESTING_DEPTH = 1000;

const [SPACE, TAB, CR, LF, DASH, QUESTION, COLON] = [..." \t\r\n-?:"].map((char) => char.charCodeAt(0));

/**
 * The offset in `yamlText` of the first collection nested deeper than `limit` (the root mapping is level 1), or
 * null. Depth is read from `yaml`'s CST parser, which keeps its own stack instead of recursing, so any depth is
 * measured in the same few milliseconds in any thread. A linear scan first bounds the depth from above; only a
 * block whose bound passes the limit is parsed (real cards never are).
 */
export function findNestingPast(yamlText: string, limit = MAX_NESTING_DEPTH): number | null {
  // Each level takes one character at least: most blocks are shorter than any limit.
  if (yamlText.length <= limit || depthBound(yamlText) <= limit) return null;
  for (const token of new Parser().parse(yamlText)) {
    const past = collectionPast(token, limit);
    if (past !== null) return past;
  }
  return null;
}

/** Walks one document's CST with an explicit stack (a recursive walk would overflow on the very input it checks). */
function collectionPast(root: CST.Token, limit: number): number | null {
  const stack: [CST.Token, number][] = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [token, outer] = top;
    const depth = CST.isCollection(token) ? outer + 1 : outer;
    if (depth > limit) return token.offset;
    if (token.type === "document" && token.value) stack.push([token.value, depth]);
    if (!CST.isCollection(token)) continue;
    for (let index = token.items.length - 1; index >= 0; index--) {
      const item = token.items[index];
      if (item?.value) stack.push([item.value, depth]);
      if (item?.key) stack.push([item.key, depth]);
    }
  }
  return null;
}

/**
 * An upper bound of the nesting depth, looking at the start of each line and counting brackets. Each flow collection opens with `[` or `{`
 * (a single-pair mapping inside `[...]` has no bracket of its own, hence `[` counting twice). A block collection
 * is indented more than its parent or, for a sequence under a mapping key, as much: block depth is at most twice
 * the greatest column a collection can start at, which is at most the column after a line's leading spaces and
 * indicators (`- `, `? `, `: `).
 */
export function depthBound(yamlText: string): number {
  let deepestColumn = 0;
  for (let lineStart = 0; lineStart <= yamlText.length; ) {
    let index = lineStart;
    for (;;) {
      const code = yamlText.charCodeAt(index);
      if (code === SPACE || code === TAB || code === CR) index++;
      else if ((code === DASH || code === QUESTION || code === COLON) && isBlank(yamlText.charCodeAt(index + 1)))
        index++;
      else break;
    }
    deepestColumn = Math.max(deepestColumn, index - lineStart);
    const lineEnd = yamlText.indexOf("\n", index);
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  return 2 * (deepestColumn + 2) + 2 * occurrences(yamlText, "[") + occurrences(yamlText, "{");
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR || code === LF || Number.isNaN(code);
}

function occurrences(text: string, char: string): number {
  let count = 0;
  for (let index = text.indexOf(char); index !== -1; index = text.indexOf(char, index + 1)) count++;
  return count;
}
