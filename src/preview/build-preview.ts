import { basename, dirname, resolve } from "node:path";
import { ModelCard } from "../card/index.js";
import { readEvalResultsFolder } from "../eval-results/read-eval-results-folder.js";
import { type LintConfig, lintCard, loadLintConfig } from "../lint/index.js";
import { renderPreviewPage } from "./render-preview-page.js";

export interface PreviewOptions {
  /** The name in the header, `owner/name` (default: the card's folder name). */
  repoName?: string;
  /** The lint configuration; default: the nearest `modelcard.config.*` from the card's folder up. */
  config?: LintConfig;
  /** Add the live-reload script (the server's page). */
  live?: boolean;
}

export interface BuiltPreview {
  html: string;
  /** The card's folder (absolute): the page's links and images resolve against it. */
  folder: string;
  /** Images the body shows from the card's folder, relative to it. */
  localImages: string[];
  /** The `.eval_results/*.yaml` files shown (absolute paths): the live page reloads when one changes. */
  scoreFiles: string[];
}

/**
 * Reads the card at `cardPath` with the card core, lints it with the lint library and renders its page. A card
 * the Hub's reader rejects still renders (its body, and the error); a missing file throws a FileAccessError.
 */
export async function buildPreview(cardPath: string, options: PreviewOptions = {}): Promise<BuiltPreview> {
  const path = resolve(cardPath);
  const folder = dirname(path);
  const card = await ModelCard.load(path);
  const config = options.config ?? (await loadLintConfig(undefined, folder));
  const messages = lintCard(card, { config, filePath: path });
  const scores = await readEvalResultsFolder(folder);
  const page = renderPreviewPage({
    card,
    messages,
    scores,
    repoName: options.repoName ?? basename(folder),
    live: options.live ?? false,
  });
  return { html: page.html, folder, localImages: page.localImages, scoreFiles: scores.map((score) => score.path) };
}
