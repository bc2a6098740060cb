/**
 * Bundles the command line into dist/bundle/ so that start-up reads a few files instead of a few hundred
 * (`modelcard lint CARD` must start within 2.5 times `node -e 0`). The library keeps tsc's unbundled dist/.
 * Each command is its own chunk, loaded when it runs; the lint worker is an entry of its own (piscina, external,
 * finds it by its path).
 */
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry a hash: without a clean folder, every build would leave the last one's chunks behind.
rmSync("dist/bundle", { recursive: true, force: true });
await build({
  entryPoints: { main: "src/cli/main.ts", "lint-worker": "src/lint/lint-worker.ts" },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  // Large vocabularies load on first use, native and rarely used packages from node_modules as they are.
  external: ["@huggingface/*", "@resvg/resvg-js", "nunjucks", "piscina"],
  // CommonJS dependencies (yaml's node build, commander) call require(); give them one in the ESM bundle.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  logLevel: "warning",
});
