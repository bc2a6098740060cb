export { type BuiltPreview, buildPreview, type PreviewOptions } from "./build-preview.js";
export { ASSET_PREFIX } from "./preview-assets.js";
export { PreviewServerError } from "./preview-server-error.js";
export { type PreviewPage, type PreviewPageInput, renderPreviewPage } from "./render-preview-page.js";
export { resolveCardPath } from "./resolve-card-path.js";
export { type PreviewServer, type PreviewServerOptions, startPreviewServer } from "./start-preview-server.js";
export { type StaticPreview, writeStaticPreview } from "./write-static-preview.js";
