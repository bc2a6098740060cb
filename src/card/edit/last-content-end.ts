import { CST, Lexer } from "yaml";

/** The lexer's zero-width markers (document, scalar, flow...): control characters that are not text. */
const isMarker = (token: string) =>
  token.length === 1 && token.charCodeAt(0) < 0x20 && token !== "\t" && token !== "\n" && token !== "\r";

/**
 * Past the last character of content (not a comment, not white space) in `source[from, to)`, from `yaml`'s lexer
 * tokens rather than its node ranges: the independent measure of where an edited node ends, so that comments
 * and blank lines after it (the next key's section comment) are never taken for part of it. `from` must start a
 * line. Returns `from` when the range holds no content.
 */
export function lastContentEnd(source: string, from: number, to: number): number {
  let offset = from;
  let end = from;
  let scalarNext = false;
  for (const token of new Lexer().lex(source.slice(from, to))) {
    if (isMarker(token)) {
      scalarNext = token === CST.SCALAR;
      continue;
    }
    const type = CST.tokenType(token);
    // A scalar's text follows its marker (a block scalar's lines may start with spaces or `#`: still content).
    const isContent = scalarNext || (type !== "space" && type !== "newline" && type !== "comment");
    if (isContent) end = Math.max(end, offset + token.trimEnd().length);
    scalarNext = false;
    offset += token.length;
  }
  return Math.max(end, from);
}
