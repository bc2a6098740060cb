import { randomBytes } from "node:crypto";
import katex from "katex";
import { escapeHtml } from "./escape-html.js";

/** The Hub's math delimiters: `$$ ... $$` (display) and `\\( ... \\)` (inline, two backslashes in the file). */
const MATH = /\$\$([\s\S]+?)\$\$|\\\\\(([\s\S]+?)\\\\\)/g;

export interface ExtractedMath {
  /** The Markdown with each formula replaced by a placeholder word. */
  markdown: string;
  /**
   * Puts each formula back in place of its placeholder in the sanitised HTML: rendered by KaTeX in text, as written
   * in an attribute value (KaTeX's markup there would end the attribute).
   */
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
  const written: string[] = [];
  const replaced = markdown.replace(MATH, (source: string, display: string | undefined, inline: string | undefined) => {
    written.push(source);
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
      rendered.length === 0
        ? html
        : html
            // The sanitiser writes every attribute value in double quotes, escaping any quote or angle bracket in it.
            .replace(/="[^"<>]*"/g, (attribute) =>
              attribute.replace(placeholder, (_, index: string) => escapeHtml(written[Number(index)] ?? "")),
            )
            .replace(placeholder, (_, index: string) => rendered[Number(index)] ?? ""),
  };
}
