/**
 * Splits a card into its YAML front-matter block and its Markdown body, the way huggingface_hub
 * (`REGEX_YAML_BLOCK`) and the Hub do: optional leading whitespace, a line `---`, the YAML, a line `---`
 * (trailing spaces or tabs allowed), then a line break or the end of the file. `...` does not close a block,
 * and `---\n---\n` is no block at all. A UTF-8 BOM counts as leading whitespace, as it does for the Hub's
 * JavaScript reader.
 */
const FRONT_MATTER = /^(\s*---[\r\n]+)([\S\s]*?)([\r\n]+---[ \t]*(?:\r\n|\n|$))/;

export interface FrontMatterSplit {
  /** Everything up to and including the opening fence's line break(s). Empty when there is no block. */
  opening: string;
  /** The YAML text between the fences, without the line break before the closing fence. */
  yaml: string;
  /** The closing fence with the line break(s) before it and the one after it. */
  closing: string;
  /** Everything after the closing fence's line (the whole text when there is no block). */
  body: string;
  hasFrontMatter: boolean;
}

export function splitFrontMatter(text: string): FrontMatterSplit {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { opening: "", yaml: "", closing: "", body: text, hasFrontMatter: false };
  const [whole, opening = "", yaml = "", closing = ""] = match;
  return { opening, yaml, closing, body: text.slice(whole.length), hasFrontMatter: true };
}

const BOM = "\uFEFF";

/** A card's text split into its byte order mark (kept apart so it is written back) and `splitFrontMatter`'s parts. */
export function splitCard(text: string): FrontMatterSplit & { bom: string } {
  const bom = text.startsWith(BOM) ? BOM : "";
  return { bom, ...splitFrontMatter(bom ? text.slice(1) : text) };
}

export type LineEnding = "lf" | "crlf" | "mixed" | "none";

/** The card's line-ending style: what an edit must write to keep the file consistent. */
export function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    if (text.charCodeAt(index - 1) === 13) crlf++;
    else lf++;
    if (crlf > 0 && lf > 0) return "mixed";
  }
  if (crlf > 0) return "crlf";
  return lf > 0 ? "lf" : "none";
}

/** The line break to write in new text: CRLF cards stay CRLF, a mixed card follows its first line break. */
export function newlineFor(text: string): "\n" | "\r\n" {
  const first = text.indexOf("\n");
  return first > 0 && text.charCodeAt(first - 1) === 13 ? "\r\n" : "\n";
}
