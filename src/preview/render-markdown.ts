import { createRequire } from "node:module";
import { tasklist } from "@mdit/plugin-tasklist";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { extractMath } from "./render-math.js";

export interface RenderedMarkdown {
  /** Sanitised HTML of the body. */
  html: string;
  /** Images the body shows from the card's folder, as relative paths (no query, no fragment), in order. */
  localImages: string[];
  /** arXiv ids of the arXiv and Hugging Face Papers pages the body links to, in order: the Hub tags them. */
  arxivIds: string[];
}

/** An arXiv or Hugging Face Papers page: `https://arxiv.org/abs/2305.18290`, `https://huggingface.co/papers/2305.18290`. */
const PAPER =
  /^https?:\/\/(?:www\.)?(?:arxiv\.org\/(?:abs|pdf)|(?:huggingface\.co|hf\.co)\/papers)\/(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?(?:[?#/].*)?$/i;

/** What is used of highlight.js (its own types declare the DOM's globals for the whole program). */
interface Highlighter {
  getLanguage(name: string): unknown;
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): { value: string };
}

const hljs = createRequire(import.meta.url)("highlight.js") as Highlighter;

const markdownIt: MarkdownIt = new MarkdownIt({
  html: true,
  linkify: true,
  highlight: (code: string, language: string): string => {
    const name = language.trim().toLowerCase();
    if (!name || !hljs.getLanguage(name)) return "";
    const highlighted = hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
    return `<pre><code class="hljs language-${markdownIt.utils.escapeHtml(name)}">${highlighted}</code></pre>`;
  },
}).use(tasklist, { disabled: true });

/** A URL that names a file of the card's folder: no scheme, not protocol-relative, not only a fragment. */
function localPath(url: string): string | null {
  if (!url || url.startsWith("#") || url.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  const path = url.split(/[?#]/, 1)[0] ?? "";
  if (!path) return null;
  try {
    return decodeURIComponent(path)
      .replace(/^(\.\/)+/, "")
      .replace(/^\/+/, "");
  } catch {
    return null;
  }
}

// GitHub's allow-list, as the Hub's sanitiser is not published, plus what cards use and the Hub documents:
// `class` (for `dark:hidden` images), <center>, <details>, task-list checkboxes.
const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  "img",
  "center",
  "details",
  "summary",
  "input",
  "picture",
  "source",
  "video",
  "audio",
  "del",
  "ins",
  "s",
  "sup",
  "sub",
  "kbd",
  "font",
];

function sanitize(html: string, { localImages, arxivIds }: Omit<RenderedMarkdown, "html">): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      "*": ["class", "align", "title", "dir", "lang", "width", "height"],
      a: ["href", "name", "rel"],
      img: ["src", "alt", "loading"],
      source: ["src", "srcset", "type", "media"],
      video: ["src", "controls", "poster", "muted", "loop"],
      audio: ["src", "controls"],
      input: ["type", "checked", "disabled"],
      th: ["style", "colspan", "rowspan"],
      td: ["style", "colspan", "rowspan"],
      ol: ["start"],
      font: ["color", "size"],
    },
    allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https", "data"] },
    allowProtocolRelative: false,
    transformTags: {
      // Only the task list's checkboxes, and never clickable.
      input: (tagName, attribs) =>
        attribs.type === "checkbox"
          ? { tagName, attribs: { ...attribs, disabled: "" } }
          : { tagName: "span", attribs: {} },
      img: (tagName, attribs) => {
        const path = localPath(attribs.src ?? "");
        if (path !== null && !localImages.includes(path)) localImages.push(path);
        return { tagName, attribs };
      },
      a: (tagName, attribs) => {
        const paper = PAPER.exec(attribs.href ?? "")?.[1];
        if (paper !== undefined && !arxivIds.includes(paper)) arxivIds.push(paper);
        return {
          tagName,
          attribs: /^https?:/i.test(attribs.href ?? "") ? { ...attribs, rel: "noopener noreferrer nofollow" } : attribs,
        };
      },
    },
  });
}

/**
 * A card body as GitHub-flavoured Markdown (tables, task lists, strikethrough, autolinks, fenced code highlighted
 * by highlight.js with classes), the Hub's math rendered by KaTeX first, raw HTML sanitised (no script, no event
 * handler, no `javascript:` URL). Relative links and images stay relative: the page is served from the card's folder.
 */
export function renderMarkdown(body: string): RenderedMarkdown {
  const math = extractMath(body);
  const found = { localImages: [] as string[], arxivIds: [] as string[] };
  const html = sanitize(markdownIt.render(math.markdown), found);
  return { html: math.restore(html), ...found };
}
