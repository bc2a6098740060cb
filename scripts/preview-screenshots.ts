/**
 * Writes docs/preview-light.png and docs/preview-dark.png: the page `modelcard preview` shows for the example
 * card (generated from examples/smollm3-openhermes-fr into a temporary folder), in headless Chromium.
 * Run: npx tsx scripts/preview-screenshots.ts (needs Debian's chromium at /usr/bin/chromium, or MODELCARD_CHROMIUM).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cli } from "../src/cli/main.js";
import { startPreviewServer } from "../src/preview/index.js";
import { launchChromium } from "../tests/preview/chromium.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "modelcard-screenshots-"));
const repo = "you/smollm3-openhermes-fr";
const quiet = { stdout: () => {}, stderr: () => {}, readStdin: async () => "", env: {}, cwd: root, isTTY: false };
const args = ["generate", "--from", "examples/smollm3-openhermes-fr", "--profile", "smollm3", "--repo-name", repo];
if ((await cli([...args, "--output", join(folder, "README.md")], quiet)) !== 0) throw new Error("generate failed");
const server = await startPreviewServer(join(folder, "README.md"), { repoName: repo });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url);
    await page.evaluate("document.fonts.ready");
    await page.screenshot({ path: join(root, `docs/preview-${scheme}.png`) });
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}
process.stdout.write("wrote docs/preview-light.png, docs/preview-dark.png\n");
