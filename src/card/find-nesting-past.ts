import { CST, Lexer, Parser } from "yaml";

/**
 * How deep collections may nest in front matter. Every reader recurses once per level: js-yaml, the Hub's reader,
 * runs out of stack near 1,800 levels in flow style and 2,300 in block style on a main thread (further in a worker
 * thread, sooner when called from deep in a program), PyYAML (huggingface_hub) near 490, and `yaml`'s Document
 * reader (what edits use) sooner still or, far past it, aborts the whole process. Real cards nest under 10 levels.
 * Past this limit a card is reported and handed to no reader, so the verdict is the same in every thread.
 */
export const MAX_NESTING_DEPTH = 256;

const [SPACE, TAB, CR, LF, DASH, QUESTION, COLON] = [..." \t\r\n-?:"].map((char) => char.charCodeAt(0));

/**
 * The offset in `yamlText` of the first collection nested deeper than `limit` (the root mapping is level 1), or
 * null. Depth is read from `yaml`'s CST parser, which keeps the open collections on a stack of its own instead of
 * recursing: the same answer in any thread, and the parse stops as soon as the stack passes the limit, so a
 * megabyte of `[` costs no more than the limit's worth. A linear scan first bounds the depth from above; only a
 * block whose bound passes the limit is parsed (real cards never are).
 */
export function findNestingPast(yamlText: string, limit = MAX_NESTING_DEPTH): number | null {
  // Each level takes one character at least: most blocks are shorter than any limit.
  if (yamlText.length <= limit || depthBound(yamlText) <= limit) return null;
  const parser = new Parser();
  // Collections in stack[0..i], kept for the tokens seen there. The parser pushes, pops and replaces only at the
  // top, so the entries that are still the same objects need no recount: linear in the lexemes.
  const seen: CST.Token[] = [];
  const depths: number[] = [];
  for (const lexeme of new Lexer().lex(yamlText)) {
    for (const _ of parser.next(lexeme)) {
      // Finished documents are not needed: only the stack of open tokens tells the depth.
    }
    const { stack } = parser;
    let same = Math.min(seen.length, stack.length);
    while (same > 0 && seen[same - 1] !== stack[same - 1]) same--;
    seen.length = same;
    depths.length = same;
    for (let index = same; index < stack.length; index++) {
      const token = stack[index] as CST.Token;
      const depth = (depths[index - 1] ?? 0) + (CST.isCollection(token) ? 1 : 0);
      if (depth > limit) return token.offset;
      seen.push(token);
      depths.push(depth);
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
