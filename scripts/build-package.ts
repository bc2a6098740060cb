/**
 * Builds what the package ships, after `tsc -p tsconfig.build.json` has written the declarations to dist/types/:
 *
 * - dist/bundle/: the code once, as ES modules with shared chunks: `index.js` (the library), `cli.js` (what `bin`
 *   runs; each command a chunk of its own, loaded when it runs) and `lint-worker.js` (piscina finds it by its
 *   path). Dependencies stay imports: the library and a caller share one `yaml`, and `npm` installs them.
 * - dist/modelcard.d.ts: the public declarations in one file (API Extractor's roll-up), so no internal module's
 *   types ship. The API report (etc/modelcard.api.md) is checked by a test and rewritten by `npm run api-report`.
 */
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";
import { build } from "esbuild";

// Chunk names carry a hash: without a clean folder, every build would leave the last one's chunks behind.
rmSync("dist/bundle", { recursive: true, force: true });
await build({
  entryPoints: { index: "src/index.ts", cli: "src/cli/main.ts", "lint-worker": "src/lint/lint-worker.ts" },
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});

const configFile = ExtractorConfig.loadFile("api-extractor.json");
const config = ExtractorConfig.prepare({
  configObject: { ...configFile, apiReport: { enabled: false } },
  configObjectFullPath: resolve("api-extractor.json"),
  packageJsonFullPath: resolve("package.json"),
});
const result = Extractor.invoke(config, { localBuild: true, showVerboseMessages: false });
if (!result.succeeded) {
  console.error(`declaration roll-up failed: ${result.errorCount} errors, ${result.warningCount} warnings`);
  process.exit(1);
}
