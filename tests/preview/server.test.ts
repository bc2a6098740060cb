import { readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileAccessError } from "../../src/errors/index.js";
import {
  type PreviewServer,
  PreviewServerError,
  resolveCardPath,
  startPreviewServer,
  writeStaticPreview,
} from "../../src/preview/index.js";
import { FULL_CARD, fullCardFolder, PNG, writeFolder } from "./fixture-cards.js";

interface Answer {
  status: number;
  type: string | undefined;
  body: Buffer;
}

/** A request sent exactly as written: the path is not normalised, the Host header is the one given. */
function get(server: PreviewServer, path: string, host = new URL(server.url).host, method = "GET"): Promise<Answer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const sent = request({ host: "127.0.0.1", port, path, method, headers: { host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          type: response.headers["content-type"],
          body: Buffer.concat(chunks),
        }),
      );
    });
    sent.on("error", reject);
    sent.end();
  });
}

describe("the preview server", () => {
  let folder: string;
  let outside: string;
  let server: PreviewServer;

  beforeAll(async () => {
    // The card's folder sits beside the secret: one `..` away from it.
    const parent = writeFolder({
      "secret.txt": "top secret",
      "card/README.md": FULL_CARD,
      "card/images/curves.png": PNG,
    });
    folder = join(parent, "card");
    outside = writeFolder({ "secret.txt": "top secret" });
    symlinkSync(join(outside, "secret.txt"), join(folder, "link.txt"));
    symlinkSync(outside, join(folder, "linked-folder"));
    writeFileSync(join(folder, "notes.txt"), "inside");
    server = await startPreviewServer(join(folder, "README.md"), { repoName: "me/tiny-fr" });
  });
  afterAll(() => server.close());

  it("listens on 127.0.0.1 only and serves the page, its assets and the card's images", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(server, "/");
    expect(page.status).toBe(200);
    expect(page.type).toBe("text/html; charset=utf-8");
    expect(page.body.toString()).toContain('<script src="__modelcard/live-reload.js" defer></script>');
    const image = await get(server, "/images/curves.png");
    expect(image.status).toBe(200);
    expect(image.type).toBe("image/png");
    expect(image.body.equals(PNG)).toBe(true);
    expect((await get(server, "/images/dark.png%23x")).status).toBe(404);
    const katex = await get(server, "/__modelcard/katex/katex.min.css");
    expect(katex.status).toBe(200);
    expect(katex.body.toString()).toContain(".katex");
    expect((await get(server, "/__modelcard/katex/fonts/KaTeX_Main-Regular.woff2")).type).toBe("font/woff2");
    expect((await get(server, "/__modelcard/highlight/github.css")).body.toString()).toContain(".hljs-keyword");
  });

  it("returns the current rendering of the card on disk at every GET /", async () => {
    writeFileSync(join(folder, "README.md"), FULL_CARD.replace("# Tiny FR", "# Tiny FR, edited"));
    expect((await get(server, "/")).body.toString()).toContain("<h1>Tiny FR, edited</h1>");
  });

  it.each([
    "/../secret.txt",
    "/images/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/images/..%2f..%2f" + "secret.txt",
    "/images/%2e%2e/%2e%2e/secret.txt",
    "/..%5csecret.txt",
    "/link.txt",
    "/linked-folder/secret.txt",
    "/notes.txt%00.png",
    "/%",
    "/__modelcard/../../package.json",
    "/__modelcard/..%2f..%2fpackage.json",
    "/__modelcard/katex/fonts/..%2f..%2fkatex.min.css",
    "/images",
    "//etc/passwd",
  ])("gives no file for %s", async (path) => {
    const answer = await get(server, path);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body.toString()).not.toContain("top secret");
    expect(answer.body.toString()).not.toContain('"name": "modelcard"');
  });

  it("serves a file of the folder, and nothing to a request for another Host (DNS rebinding)", async () => {
    expect((await get(server, "/notes.txt")).body.toString()).toBe("inside");
    for (const host of ["evil.example", `localhost:${new URL(server.url).port}`, "127.0.0.1"]) {
      const answer = await get(server, "/notes.txt", host);
      expect(answer.status).toBe(403);
      expect(answer.body.toString()).toBe(`modelcard preview answers only ${server.url}\n`);
    }
    expect((await get(server, "/", undefined, "POST")).status).toBe(405);
  });

  it("refuses a port in use with a message that names it", async () => {
    const port = Number(new URL(server.url).port);
    const attempt = startPreviewServer(join(folder, "README.md"), { port });
    await expect(attempt).rejects.toThrow(PreviewServerError);
    await expect(attempt).rejects.toThrow(
      `cannot listen on 127.0.0.1:${port} (it is in use); choose another --port, or 0 for a free one.`,
    );
  });
});

describe("live reload", () => {
  it("announces an editor's save (a new file renamed over the card) to the open pages, and shows a missing card's reason", async () => {
    const folder = fullCardFolder();
    const card = join(folder, "README.md");
    const server = await startPreviewServer(card);
    try {
      const { port } = new URL(server.url);
      const received: string[] = [];
      const connected = new Promise<void>((resolve, reject) => {
        request(
          { host: "127.0.0.1", port, path: "/__modelcard/events", headers: { host: `127.0.0.1:${port}` } },
          (response) => {
            expect(response.headers["content-type"]).toBe("text/event-stream");
            response.on("data", (chunk: Buffer) => received.push(chunk.toString()));
            resolve();
          },
        )
          .on("error", reject)
          .end();
      });
      await connected;
      writeFileSync(join(folder, ".README.md.tmp"), FULL_CARD.replace("# Tiny FR", "# Renamed"));
      renameSync(join(folder, ".README.md.tmp"), card);
      const deadline = Date.now() + 5000;
      while (!received.join("").includes("event: change") && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(received.join("")).toBe("retry: 300\n\nevent: change\ndata: 1\n\n");
      expect((await get(server, "/")).body.toString()).toContain("<h1>Renamed</h1>");
      rmSync(card);
      const gone = await get(server, "/");
      expect(gone.status).toBe(503);
      expect(gone.body.toString()).toContain(`${card}: cannot read the card (no such file); check the path.`);
    } finally {
      await server.close();
    }
  });
});

describe("the card a preview shows", () => {
  it("is the file given, or the README.md of a folder; a missing one is a clear message", async () => {
    const folder = fullCardFolder();
    expect(await resolveCardPath(folder)).toBe(join(folder, "README.md"));
    expect(await resolveCardPath(join(folder, "README.md"))).toBe(join(folder, "README.md"));
    const empty = writeFolder({ "config.json": "{}" });
    await expect(resolveCardPath(empty)).rejects.toThrow(
      `${empty}: the folder has no README.md; write the card first (modelcard generate --from ${empty}).`,
    );
    await expect(resolveCardPath(join(folder, "nope.md"))).rejects.toThrow(FileAccessError);
    await expect(resolveCardPath(join(folder, "nope.md"))).rejects.toThrow(
      "nope.md: no such file or folder; check the path.",
    );
  });
});

describe("preview --out", () => {
  it("writes index.html, the page's assets and copies of the card's images, and names the missing ones", async () => {
    const folder = fullCardFolder();
    const out = join(writeFolder({}), "site");
    const written = await writeStaticPreview(join(folder, "README.md"), out, { repoName: "me/tiny-fr" });
    expect(written.files.slice(0, 3)).toEqual([
      "index.html",
      "__modelcard/style.css",
      "__modelcard/katex/katex.min.css",
    ]);
    expect(written.files).toContain("__modelcard/katex/fonts/KaTeX_Main-Regular.woff2");
    expect(written.files).toContain("__modelcard/highlight/github-dark.css");
    expect(written.files).not.toContain("__modelcard/live-reload.js");
    expect(written.files.slice(-2)).toEqual(["images/curves.png", "images/dark.png"]);
    expect(written.missingImages).toEqual(["x"]);
    expect(readFileSync(join(out, "images/curves.png")).equals(PNG)).toBe(true);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain('<link rel="stylesheet" href="__modelcard/katex/katex.min.css">');
    expect(html).not.toContain("<script");
  });
});
