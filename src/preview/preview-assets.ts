import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { LIVE_RELOAD_SCRIPT } from "./live-reload-script.js";
import { PAGE_STYLE } from "./page-style.js";

/** The path prefix under which the page's own files are served: never a file of the card's folder. */
export const ASSET_PREFIX = "__modelcard/";

const require = createRequire(import.meta.url);
const katexDirectory = () => dirname(require.resolve("katex/dist/katex.min.css"));
const highlightStyle = (name: string) => require.resolve(`highlight.js/styles/${name}`);

const CONTENT_TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  woff2: "font/woff2",
  woff: "font/woff",
  ttf: "font/ttf",
};

export interface PreviewAsset {
  contentType: string;
  body: Buffer | string;
}

/** The page's stylesheets and fonts, as `--out` copies them (the live-reload script is only for the server). */
export function staticAssetNames(): string[] {
  const fonts = readdirSync(join(katexDirectory(), "fonts")).filter((name) => name.endsWith(".woff2"));
  return [
    "style.css",
    "katex/katex.min.css",
    ...fonts.map((name) => `katex/fonts/${name}`),
    "highlight/github.css",
    "highlight/github-dark.css",
  ];
}

/**
 * One of the page's own files by its name under the prefix (`katex/katex.min.css`), read from this package and
 * its dependencies; null for any other name. Names are matched, never joined to a path as given.
 */
export async function readPreviewAsset(name: string): Promise<PreviewAsset | null> {
  const extension = name.slice(name.lastIndexOf(".") + 1);
  const contentType = CONTENT_TYPES[extension];
  if (contentType === undefined) return null;
  if (name === "style.css") return { contentType, body: PAGE_STYLE };
  if (name === "live-reload.js") return { contentType, body: LIVE_RELOAD_SCRIPT };
  if (name === "katex/katex.min.css")
    return { contentType, body: await readFile(join(katexDirectory(), "katex.min.css")) };
  if (name === "highlight/github.css" || name === "highlight/github-dark.css") {
    return { contentType, body: await readFile(highlightStyle(name.slice("highlight/".length))) };
  }
  const font = /^katex\/fonts\/([A-Za-z0-9_-]+\.(?:woff2|woff|ttf))$/.exec(name)?.[1];
  if (font === undefined) return null;
  const fonts = join(katexDirectory(), "fonts");
  if (!readdirSync(fonts).includes(font)) return null;
  return { contentType, body: await readFile(join(fonts, font)) };
}
