import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`): these machines reach package registries, no browser site. */
export const CHROMIUM = process.env.MODELCARD_CHROMIUM ?? "/usr/bin/chromium";

/** Browser tests run where Chromium is; they skip without it on a developer's machine, and fail under CI=true. */
export const runBrowserTests = existsSync(CHROMIUM) || process.env.CI === "true";

/** A headless Chromium with a fresh profile that reaches nothing but what a page asks for. */
export async function launchChromium(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install it (apt-get install -y chromium); browser tests do not skip under CI=true.`,
    );
  }
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "modelcard-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
    colorScheme: "light",
  });
}
