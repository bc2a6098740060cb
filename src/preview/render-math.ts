import { randomBytes } from "node:crypto";
import katex from "katex";

/** The Hub's math delimiters: `$$ ... $$` (display) and `\\( ... \\)` (inline, two backslashes in the file). */
const MATH = /\$\$([\s\S]+?)\$\$|\\\\\(([\s\S]+?)\\\\\)/g;

export interface ExtractedMath {
  /** The Markdown with each formula replaced by a placeholder word. */
  markdown: string;
  /** Puts each formula, rendered by KaTeX, back in place of its placeholder in the rendered HTML. */
  restore: (html: string) => string;
}

/**
 * The Hub renders math with KaTeX before the Markdown is parsed: each formula becomes a placeholder word that the
 * Markdown renderer and the sanitiser pass through untouched, and KaTeX's HTML (escaped by KaTeX itself, `trust`
 * off so no `\href{javascript:...}`) takes its place afterwards. A formula KaTeX cannot read shows its error in red.
 */
export function extractMath(markdown: string): ExtractedMath {
  // A fresh marker per rendering: text in the card cannot guess it.
  const marker = `mcmath${randomBytes(6).toString("hex")}x`;
  const rendered: string[] = [];
  const replaced = markdown.replace(MATH, (_, display: string | undefined, inline: string | undefined) => {
    const displayMode = display !== undefined;
    rendered.push(
      katex.renderToString((display ?? inline ?? "").trim(), {
        displayMode,
        throwOnError: false,
        trust: false,
        output: "htmlAndMathml",
      }),
    );
    return `${marker}${rendered.length - 1}x`;
  });
  const placeholder = new RegExp(`${marker}(\\d+)x`, "g");
  return {
    markdown: replaced,
    restore: (html) =>
      rendered.length ? html.replace(placeholder, (_, index: string) => rendered[Number(index)] ?? "") : html,
  };
}
