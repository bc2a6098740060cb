import type { ModelCard } from "../card/index.js";
import type { EvalResultsFolderFile } from "../eval-results/read-eval-results-folder.js";
import type { LintMessage } from "../lint/index.js";
import { escapeHtml } from "./escape-html.js";
import { ASSET_PREFIX } from "./preview-assets.js";
import { renderChips } from "./render-chips.js";
import { renderEvalResults } from "./render-eval-results.js";
import { renderEvalResultsFiles } from "./render-eval-results-files.js";
import { renderLintPanel } from "./render-lint-panel.js";
import { renderMarkdown } from "./render-markdown.js";
import { renderModelTree } from "./render-model-tree.js";
import { renderNewVersion } from "./render-new-version.js";
import { renderRejectionBanner } from "./render-rejection-banner.js";
import { renderSourceView } from "./render-source-view.js";

export interface PreviewPageInput {
  card: ModelCard;
  /** The card's lint messages. */
  messages: readonly LintMessage[];
  /** The name in the page's header, `owner/name` as on the Hub. */
  repoName: string;
  /** Add the live-reload script (the server's page); a static page has none. */
  live?: boolean;
  /** The card's folder's `.eval_results/*.yaml` files, shown beside the model-index. */
  scores?: readonly EvalResultsFolderFile[];
}

export interface PreviewPage {
  html: string;
  /** Images the body shows from the card's folder, relative to it. */
  localImages: string[];
}

/**
 * The whole page, rendered here and complete as it is sent: header and chips, the rejection banner, the body,
 * the side panel (lint, model tree, evaluation results) and the source view. Asset links are relative, so the
 * same page reads from the server and from `file://`.
 */
export function renderPreviewPage({
  card,
  messages,
  repoName,
  live = false,
  scores = [],
}: PreviewPageInput): PreviewPage {
  const body = renderMarkdown(card.body);
  const text = card.toString();
  const metadata = card.metadata;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(repoName)} · modelcard preview</title>
<link rel="stylesheet" href="${ASSET_PREFIX}katex/katex.min.css">
<link rel="stylesheet" href="${ASSET_PREFIX}highlight/github.css" media="(prefers-color-scheme: light)">
<link rel="stylesheet" href="${ASSET_PREFIX}highlight/github-dark.css" media="(prefers-color-scheme: dark)">
<link rel="stylesheet" href="${ASSET_PREFIX}style.css">
</head>
<body>
<div id="page">
<p class="preview-note">modelcard preview: laid out like a model page; the Hub's own rendering may differ in detail.</p>
<header class="model-header"><h1 class="repo-name">${escapeHtml(repoName)}</h1>${renderChips(metadata, body.arxivIds)}</header>
${renderNewVersion(metadata)}${renderRejectionBanner(messages, card)}
<div class="layout">
<main class="card-body markdown" id="card">
${body.html}
</main>
<div class="sidebar">
${renderLintPanel(messages)}
${renderModelTree(metadata, repoName)}
${renderEvalResults(card)}${renderEvalResultsFiles(scores)}
</div>
</div>
${renderSourceView(text, messages)}
</div>
${live ? `<script src="${ASSET_PREFIX}live-reload.js" defer></script>\n` : ""}</body>
</html>
`;
  return { html, localImages: body.localImages };
}
