import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { findLintConfig } from "../lint/index.js";
import { type BuiltPreview, buildPreview, type PreviewOptions } from "./build-preview.js";
import { escapeHtml } from "./escape-html.js";
import { ASSET_PREFIX, readPreviewAsset } from "./preview-assets.js";
import { PreviewServerError } from "./preview-server-error.js";
import { resolveFolderFile } from "./resolve-folder-file.js";
import { watchFiles } from "./watch-files.js";

export interface PreviewServerOptions extends Omit<PreviewOptions, "live"> {
  /** The port on 127.0.0.1; 0 (the default) takes a free one. */
  port?: number;
}

export interface PreviewServer {
  /** `http://127.0.0.1:PORT/`: the only address the server answers. */
  url: string;
  /** How many changes of the watched files have been announced to the open pages so far. */
  changes: { count: number };
  close(): Promise<void>;
}

// The page runs only its own script; the card's images may come from elsewhere, as on the Hub.
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; " +
  "media-src 'self' https: http:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";
// A file of the card's folder opened on its own (an SVG, an HTML page) runs nothing on this origin.
const FILE_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; media-src 'self'";

const FILE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".md": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".yaml": "text/plain; charset=utf-8",
  ".yml": "text/plain; charset=utf-8",
};

function send(response: ServerResponse, status: number, text: string, type = "text/plain; charset=utf-8"): void {
  response.writeHead(status, {
    "Content-Type": type,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(text);
}

function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>modelcard preview</title>
<link rel="stylesheet" href="${ASSET_PREFIX}style.css"></head><body><div id="page"><div class="rejection-banner" role="alert">
<strong>The card cannot be shown.</strong><p>${escapeHtml(message)}</p></div></div>
<script src="${ASSET_PREFIX}live-reload.js" defer></script></body></html>\n`;
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "EADDRINUSE" ? "it is in use" : error.code === "EACCES" ? "not allowed" : error.message;
      reject(
        new PreviewServerError(
          `cannot listen on 127.0.0.1:${port} (${reason}); choose another --port, or 0 for a free one.`,
        ),
      );
    });
    server.listen(port, "127.0.0.1", () => resolvePort((server.address() as AddressInfo).port));
  });
}

/**
 * Serves the page of the card at `cardPath` on 127.0.0.1 only: `GET /` renders the card on disk as it is now;
 * `/__modelcard/…` serves the page's own files; any other path, a file of the card's folder (never one outside
 * it). Requests whose `Host` is not the printed address are refused (DNS rebinding). When the card, an image it
 * shows or its lint configuration changes, open pages are told through server-sent events and reload their content.
 */
export async function startPreviewServer(cardPath: string, options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const path = resolve(cardPath);
  const previewOptions: PreviewOptions = { ...options, live: true };
  let current: BuiltPreview = await buildPreview(path, previewOptions);
  const folder = current.folder;
  const events = new Set<ServerResponse>();
  const changes = { count: 0 };
  let host = "";

  const watchedFiles = (preview: BuiltPreview) => {
    const config = options.config === undefined ? findLintConfig(folder) : null;
    const images = preview.localImages.map((image) => join(folder, image));
    return [path, ...images, ...preview.scoreFiles, ...(config ? [config] : [])];
  };
  const watch = watchFiles(watchedFiles(current), async () => {
    try {
      current = await buildPreview(path, previewOptions);
      watch.update(watchedFiles(current));
    } catch {
      // The card is gone for a moment (an editor's save) or unreadable: the page shows why when it reloads.
    }
    changes.count += 1;
    for (const response of events) response.write(`event: change\ndata: ${changes.count}\n\n`);
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.host !== host) {
      send(response, 403, `modelcard preview answers only http://${host}/\n`);
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      send(response, 405, "modelcard preview serves GET and HEAD only\n");
      return;
    }
    const target = request.url ?? "/";
    const requestPath = target.split(/[?#]/, 1)[0] ?? "/";
    if (!requestPath.startsWith("/")) {
      send(response, 400, "bad request\n");
      return;
    }
    if (requestPath === "/" || requestPath === "/index.html") {
      let html: string;
      let status = 200;
      try {
        html = (await buildPreview(path, previewOptions)).html;
      } catch (error) {
        html = errorPage((error as Error).message);
        status = 503;
      }
      response.writeHead(status, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Content-Security-Policy": PAGE_POLICY,
        "X-Content-Type-Options": "nosniff",
      });
      response.end(request.method === "HEAD" ? undefined : html);
      return;
    }
    if (requestPath === `/${ASSET_PREFIX}events`) {
      response.writeHead(200, {
        "Content-Type": "text/event-stream",
        "Cache-Control": "no-store",
        Connection: "keep-alive",
      });
      response.write("retry: 300\n\n");
      events.add(response);
      request.on("close", () => events.delete(response));
      return;
    }
    if (requestPath.startsWith(`/${ASSET_PREFIX}`)) {
      const asset = await readPreviewAsset(requestPath.slice(ASSET_PREFIX.length + 1));
      if (asset === null) {
        send(response, 404, "not found\n");
        return;
      }
      response.writeHead(200, {
        "Content-Type": asset.contentType,
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      response.end(request.method === "HEAD" ? undefined : asset.body);
      return;
    }
    const file = await resolveFolderFile(folder, requestPath);
    if (file === null) {
      send(response, 404, "not found\n");
      return;
    }
    response.writeHead(200, {
      "Content-Type": FILE_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": "no-store",
      "Content-Security-Policy": FILE_POLICY,
      "X-Content-Type-Options": "nosniff",
    });
    if (request.method === "HEAD") response.end();
    else
      createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, "internal error\n");
      else response.destroy();
    });
  });
  let port: number;
  try {
    port = await listen(server, options.port ?? 0);
  } catch (error) {
    watch.close();
    throw error;
  }
  host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}/`,
    changes,
    close: async () => {
      watch.close();
      for (const response of events) response.end();
      events.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
