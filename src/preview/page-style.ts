/** The page's style: a model page's layout (header and chips, card, side panel), light and dark. */
export const PAGE_STYLE = `:root {
  color-scheme: light dark;
  --text: #1f2937; --muted: #6b7280; --bg: #ffffff; --panel: #f9fafb; --border: #e5e7eb; --link: #2563eb;
  --chip: #f3f4f6; --error: #b91c1c; --error-bg: #fef2f2; --warning: #b45309; --warning-bg: #fffbeb;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e5e7eb; --muted: #9ca3af; --bg: #0b0f19; --panel: #111827; --border: #1f2937; --link: #60a5fa;
    --chip: #1f2937; --error: #fca5a5; --error-bg: #3f1d1d; --warning: #fcd34d; --warning-bg: #3a2a0b;
  }
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--bg); }
a { color: var(--link); }
.preview-note { margin: 0; padding: 4px 24px; font-size: 12px; color: var(--muted); background: var(--panel); border-bottom: 1px solid var(--border); }
.model-header { padding: 20px 24px 12px; border-bottom: 1px solid var(--border); }
.model-header h1 { margin: 0 0 10px; font-size: 22px; font-weight: 600; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { display: inline-flex; gap: 4px; align-items: center; padding: 1px 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--chip); color: var(--text); font-size: 13px; text-decoration: none; }
.chip-kind { color: var(--muted); }
.chip-unknown { border-style: dashed; border-color: var(--warning); }
.new-version { margin: 16px 24px 0; padding: 10px 16px; border: 1px solid var(--border); border-radius: 8px; background: var(--panel); }
.rejection-banner { margin: 16px 24px 0; padding: 12px 16px; border: 1px solid var(--error); border-radius: 8px; background: var(--error-bg); color: var(--error); }
.rejection-banner ul { margin: 6px 0 0; padding-left: 20px; }
.rejection-banner a { color: inherit; }
.code-frame { margin: 6px 0; padding: 8px; overflow-x: auto; background: var(--bg); color: var(--text); border-radius: 6px; font-size: 12px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 24px; padding: 16px 24px; }
@media (max-width: 900px) { .layout { grid-template-columns: minmax(0, 1fr); } }
.card-body { min-width: 0; }
.sidebar { display: flex; flex-direction: column; gap: 16px; min-width: 0; }
.sidebar > * { padding: 12px 14px; border: 1px solid var(--border); border-radius: 8px; background: var(--panel); }
.sidebar h2 { margin: 0 0 8px; font-size: 15px; }
.lint-messages { margin: 0; padding: 0; list-style: none; font-size: 13px; }
.lint-message a { display: block; padding: 4px 0; color: var(--text); text-decoration: none; border-top: 1px solid var(--border); }
.lint-message a:hover .lint-text { text-decoration: underline; }
.lint-position, .lint-rule { color: var(--muted); font-family: ui-monospace, monospace; font-size: 12px; }
.lint-error .lint-severity { color: var(--error); font-weight: 600; }
.lint-warning .lint-severity { color: var(--warning); font-weight: 600; }
.relation-missing { color: var(--muted); font-style: italic; }
.muted { color: var(--muted); font-size: 12px; }
.verified { padding: 0 4px; border-radius: 4px; background: var(--chip); font-size: 11px; }
.results-table { width: 100%; border-collapse: collapse; font-size: 13px; }
.task-row th { padding-top: 8px; font-weight: 600; }
.model-row th { padding-top: 10px; font-weight: 600; border-bottom: 2px solid var(--border); }
.results-table th, .results-table td { padding: 3px 6px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
.metric-value { font-variant-numeric: tabular-nums; font-weight: 600; }
.markdown h1, .markdown h2 { padding-bottom: 4px; border-bottom: 1px solid var(--border); }
.markdown img { max-width: 100%; }
.markdown table { border-collapse: collapse; display: block; overflow-x: auto; }
.markdown th, .markdown td { padding: 4px 10px; border: 1px solid var(--border); }
.markdown pre { padding: 12px; overflow-x: auto; border-radius: 6px; background: var(--panel); border: 1px solid var(--border); }
.markdown code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
.markdown pre code.hljs { padding: 0; background: transparent; }
.markdown blockquote { margin-left: 0; padding-left: 12px; color: var(--muted); border-left: 3px solid var(--border); }
.task-list-item { list-style: none; }
.task-list-item input { margin-right: 6px; }
.source-view { margin: 0 24px 24px; }
.source-view pre { margin: 0; padding: 8px 0; overflow-x: auto; border: 1px solid var(--border); border-radius: 8px; background: var(--panel); font-size: 12px; line-height: 1.5; }
.source-line { display: block; padding-right: 12px; white-space: pre; }
.source-line:target { background: rgba(250, 204, 21, 0.35); }
.source-error { background: var(--error-bg); }
.source-warning { background: var(--warning-bg); }
.line-number { display: inline-block; width: 4em; margin-right: 12px; padding-right: 8px; text-align: right; color: var(--muted); text-decoration: none; user-select: none; }
/* The Hub's dark and light images: URL fragments and Tailwind's classes. */
img[src*="#hf-dark-mode-only"], .hidden { display: none; }
@media (prefers-color-scheme: dark) {
  img[src*="#hf-dark-mode-only"] { display: initial; }
  img[src*="#hf-light-mode-only"], .dark\\:hidden { display: none; }
  .dark\\:block { display: block; }
  .dark\\:inline { display: inline; }
}
`;
