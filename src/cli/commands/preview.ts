import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { removeOnExit } from "../../io/remove-on-exit.js";
import { loadLintConfig } from "../../lint/index.js";
import { resolveCardPath, startPreviewServer, writeStaticPreview } from "../../preview/index.js";
import type { DefineCommand } from "../command.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { hubTarget, readHubCard } from "../hub-card-target.js";

interface PreviewFlags {
  port?: string;
  revision?: string;
  offline?: boolean;
  open?: boolean;
  out?: string;
  repo?: string;
  config?: string;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port ${text}: give a port number from 0 to 65535`);
  return port;
}

/** Resolves on Ctrl-C or a termination signal: the server runs until then. */
function untilStopped(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export const previewCommand: DefineCommand = ({ io, exit }) =>
  new Command("preview")
    .description(
      "Show a card as its model page would: a live local page with chips, results and lint, or --out static files.",
    )
    .argument(
      "[card]",
      "the card file, a folder with its README.md (a training output folder), or a model on the Hub: hf://OWNER/NAME",
      ".",
    )
    .option("--port <n>", "port on 127.0.0.1 (default: a free one; 0 also takes a free one)")
    .option("--open", "open the page in the browser")
    .option("--out <dir>", "write the page as static files (index.html, its assets, the card's images) and exit")
    .option("--repo <owner/name>", "the repository name in the page's header (default: the card's folder name)")
    .option("--revision <rev>", "for a card on the Hub: a branch, tag, commit id or refs/pr/N (default: main)")
    .option("--offline", "never contact the Hub (also HF_HUB_OFFLINE=1)")
    .option("--config <file>", "lint configuration (default: the nearest modelcard.config.* from the card's folder)")
    .action(async (input: string, flags: PreviewFlags) => {
      const port = parsePort(flags.port);
      const target = hubTarget(input, { cwd: io.cwd, allowBareId: false });
      // A card on the Hub is read once, at the commit its revision names, into a private temporary folder: the page
      // shows those bytes (its relative images and .eval_results/ stay on the Hub) and no edit reloads it.
      const remote = target ? await readHubCard(target, flags, io) : null;
      const snapshot = remote ? await mkdtemp(join(tmpdir(), "modelcard-preview-")) : null;
      const cardPath = snapshot ? join(snapshot, "README.md") : await resolveCardPath(resolve(io.cwd, input));
      const release = snapshot ? removeOnExit(snapshot) : () => {};
      const cleanUp = async () => {
        release();
        if (snapshot) await rm(snapshot, { recursive: true, force: true });
      };
      if (remote && snapshot) {
        await writeFile(cardPath, remote.bytes);
        io.stderr(`previewing ${remote.name} (commit ${remote.commit.slice(0, 12)})\n`);
      }
      const config = flags.config === undefined ? undefined : await loadLintConfig(flags.config, io.cwd);
      const repoName = flags.repo ?? remote?.repo;
      const options = { ...(repoName ? { repoName } : {}), ...(config ? { config } : {}) };
      if (flags.out !== undefined) {
        const out = resolve(io.cwd, flags.out);
        const written = await writeStaticPreview(cardPath, out, options);
        for (const image of written.missingImages) {
          io.stderr(
            `modelcard: ${image}: the card shows this image, but it is not in the card's folder; not copied.\n`,
          );
        }
        io.stdout(`${resolve(out, "index.html")}\n`);
        io.stderr(`wrote ${written.files.length} files to ${out}\n`);
        await cleanUp();
        exit(EXIT.ok);
        return;
      }
      const server = await startPreviewServer(cardPath, { ...options, port });
      io.stdout(`${server.url}\n`);
      io.stderr(`previewing ${cardPath}; the page reloads when the card changes. Ctrl-C to stop.\n`);
      if (flags.open) {
        const { default: open } = await import("open");
        await open(server.url).catch((error: Error) =>
          io.stderr(`modelcard: cannot open a browser (${error.message})\n`),
        );
      }
      await untilStopped();
      await server.close();
      await cleanUp();
      exit(EXIT.ok);
    });
