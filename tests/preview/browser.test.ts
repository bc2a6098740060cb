import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { type PreviewServer, startPreviewServer, writeStaticPreview } from "../../src/preview/index.js";
import { memoryIo } from "../support/memory-io.js";
import { CORPUS } from "../support/shared.js";
import { launchChromium, runBrowserTests } from "./chromium.js";
import { FULL_CARD, fullCardFolder, PNG, writeFolder } from "./fixture-cards.js";

// The functions given to `evaluate` run in Chromium. The project's types leave the DOM out (its declarations would
// change `fetch`'s types everywhere), so what they use is declared here, for this file only.
interface DomElement {
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  closest(selector: string): DomElement | null;
  querySelector(selector: string): DomElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number; top: number };
}
type Element = DomElement;
type HTMLImageElement = DomElement & { naturalWidth: number };
declare const document: {
  fonts: { ready: Promise<unknown>; check(font: string): boolean };
  documentElement: DomElement;
  scripts: Iterable<DomElement> & { length: number };
  querySelector(selector: string): DomElement | null;
  getElementById(id: string): DomElement | null;
};
declare const window: { scrollX: number; scrollY: number; scrollTo(x: number, y: number): void };
declare function getComputedStyle(element: DomElement): { color: string; fontFamily: string };

const EXAMPLE_RUN = new URL("../../examples/smollm3-openhermes-fr", import.meta.url).pathname;

describe.runIf(runBrowserTests)("the preview page in headless Chromium", () => {
  let browser: BrowserContext;
  const servers: PreviewServer[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await browser?.close();
  });

  /** Serves `card` and opens its page; every dialog a script would open is recorded. */
  async function open(
    card: string,
    repoName?: string,
  ): Promise<{ page: Page; server: PreviewServer; dialogs: string[] }> {
    const server = await startPreviewServer(card, repoName ? { repoName } : {});
    servers.push(server);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url);
    return { page, server, dialogs };
  }

  it("shows the example card's chips with the Hub's labels, its results table and its training curves", async () => {
    const folder = writeFolder({});
    const generated = memoryIo();
    const args = [
      "generate",
      "--from",
      EXAMPLE_RUN,
      "--profile",
      "smollm3",
      "--repo-name",
      "you/smollm3-openhermes-fr",
    ];
    expect(await cli([...args, "--output", join(folder, "README.md")], generated.io)).toBe(0);
    const { page } = await open(join(folder, "README.md"), "you/smollm3-openhermes-fr");
    expect(await page.locator("h1.repo-name").textContent()).toBe("you/smollm3-openhermes-fr");
    const chips = await page.locator(".chips .chip").allTextContents();
    expect(chips.slice(0, 5)).toEqual([
      "Task: Text Generation",
      "Library: Transformers",
      "Dataset: OpenHermes-FR",
      "Language: English",
      "Language: French",
    ]);
    expect(chips.at(-1)).toBe("License: apache-2.0");
    const card = await ModelCard.load(join(folder, "README.md"));
    const rows = await page.locator(".results-table tr.result-row").allInnerTexts();
    expect(rows.length).toBe(card.evalResults?.length);
    expect(rows[0]).toBe(`OpenHermes-FR\t${card.evalResults?.[0]?.metricName}\t${card.evalResults?.[0]?.metricValue}`);
    // One group per model-index entry: the model, then each quantized variant.
    expect(await page.locator(".results-table tr.model-row").allTextContents()).toEqual([
      "smollm3-openhermes-fr",
      "smollm3-openhermes-fr (int8 quantized)",
      "smollm3-openhermes-fr (int4 quantized)",
    ]);
    expect(await page.locator(".model-tree").textContent()).toContain("HuggingFaceTB/SmolLM3-3B");
    expect(await page.locator(".lint-summary").textContent()).toBe("No problems found.");
    const curves = page.locator('img[src="training_curves.png"]');
    expect(await curves.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(100);
  });

  it("highlights code, renders math with KaTeX's fonts, and runs nothing of the card's HTML", async () => {
    const { page, dialogs } = await open(join(fullCardFolder(), "README.md"));
    const keyword = page.locator("pre code.hljs .hljs-keyword").first();
    expect(await keyword.textContent()).toBe("def");
    const colours = await keyword.evaluate((element) => [
      getComputedStyle(element).color,
      getComputedStyle(element.closest("code") as Element).color,
    ]);
    expect(colours[0]).not.toBe(colours[1]);
    expect(await page.locator(".katex").count()).toBe(2);
    expect(await page.locator(".katex-display").count()).toBe(1);
    const math = await page
      .locator(".katex")
      .first()
      .evaluate((element) => ({
        font: getComputedStyle(element).fontFamily,
        // KaTeX's stylesheet hides the MathML copy and shows the HTML one.
        mathmlHeight: (element.querySelector(".katex-mathml") as Element).getBoundingClientRect().height,
        htmlWidth: (element.querySelector(".katex-html") as Element).getBoundingClientRect().width,
      }));
    expect(math.font).toContain("KaTeX_Main");
    expect(math.mathmlHeight).toBeLessThanOrEqual(1);
    expect(math.htmlWidth).toBeGreaterThan(20);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check("16px KaTeX_Main"))).toBe(true);
    await page.locator("#card div").filter({ hasText: "light only" }).click();
    await page.locator("#card a", { hasText: "click" }).click();
    expect(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => [...document.scripts].map((script) => script.getAttribute("src")))).toEqual([
      "__modelcard/live-reload.js",
    ]);
  });

  it("shows dark-mode-only images in dark mode only, as the Hub's fragments and classes say", async () => {
    const { page } = await open(join(fullCardFolder(), "README.md"));
    const dark = page.locator('img[alt="dark"]');
    const lightOnly = page.locator("#card div.dark\\:hidden");
    expect([await dark.isVisible(), await lightOnly.isVisible()]).toEqual([false, true]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect([await dark.isVisible(), await lightOnly.isVisible()]).toEqual([true, false]);
  });

  it("lists lint messages in the side panel, each leading to its line, under the Hub's rejection banner", async () => {
    const folder = writeFolder({ "README.md": "---\nlicense: MIT-ish\npipeline_tag: text-generation\n---\n# Body\n" });
    const { page } = await open(join(folder, "README.md"));
    const banner = page.locator(".rejection-banner");
    expect(await banner.textContent()).toMatch(/^The Hub would reject this card\.YAML Metadata Error: .*MIT-ish/);
    const message = page.locator('.lint-message[data-rule="license"]');
    expect(await message.locator(".lint-position").textContent()).toBe("2:10");
    await message.locator("a").click();
    expect(new URL(page.url()).hash).toBe("#L2");
    const target = await page.evaluate(() => document.querySelector(":target")?.textContent);
    expect(target).toBe("2license: MIT-ish\n");
    expect(await page.locator("#L2").isVisible()).toBe(true);
    // One line of the source view per line of the card (12 px text, line height 1.5).
    const tops = await page.evaluate(() =>
      [1, 2, 3].map((line) => document.getElementById(`L${line}`)?.getBoundingClientRect().top ?? 0),
    );
    expect([tops[1]! - tops[0]!, tops[2]! - tops[1]!]).toEqual([18, 18]);
  });

  it("reloads within a second of a save, keeping the scroll position, and fetches a changed image anew", async () => {
    const folder = fullCardFolder();
    const { page, server } = await open(join(folder, "README.md"));
    await page.waitForFunction(() => document.documentElement.dataset.live === "connected");
    await page.evaluate(() => window.scrollTo(0, 400));
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBe(400);
    const started = Date.now();
    writeFileSync(join(folder, "README.md"), FULL_CARD.replace("# Tiny FR", "# Tiny FR, saved"));
    await page.waitForFunction(() => document.querySelector("#card h1")?.textContent === "Tiny FR, saved", undefined, {
      timeout: 5000,
      polling: 20,
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    const changes = server.changes.count;
    writeFileSync(join(folder, "images/curves.png"), PNG);
    await page.waitForFunction(() => document.getElementById("page")?.dataset.reloads === "2", undefined, {
      timeout: 5000,
    });
    expect(server.changes.count).toBe(changes + 1);
    expect(await page.locator('img[alt="curves"]').getAttribute("src")).toMatch(
      /\/images\/curves\.png\?modelcard-reload=2$/,
    );
  });

  it("reads the same with scripts off, from the --out files on file://", async () => {
    const out = join(writeFolder({}), "site");
    await writeStaticPreview(join(fullCardFolder(), "README.md"), out, { repoName: "me/tiny-fr" });
    const page = await browser.newPage();
    const session = await browser.newCDPSession(page);
    await session.send("Emulation.setScriptExecutionDisabled", { value: true });
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    expect(await page.locator(".chips .chip").first().textContent()).toBe("Task: Text Generation");
    expect(
      await page
        .locator(".katex")
        .first()
        .evaluate((element) => getComputedStyle(element).fontFamily),
    ).toContain("KaTeX_Main");
    expect(await page.locator('img[alt="curves"]').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(1);
    expect(await page.locator(".results-table .metric-value").textContent()).toBe("0.731");
  });

  it.each([
    ["00016.md", { display: true }],
    ["01894.md", { inline: true }],
    ["03647.md", { scripts: true }],
    ["00010.md", { relation: "Quantized" }],
  ] as const)("renders real card %s", async (name, expected) => {
    const { page, dialogs } = await open(join(CORPUS, name));
    const card = await ModelCard.load(join(CORPUS, name));
    const task = card.metadata.pipeline_tag;
    if (typeof task === "string") expect(await page.locator(".chip-task").textContent()).toMatch(/^Task: [A-Z]/);
    if ("display" in expected) expect(await page.locator(".katex-display").count()).toBeGreaterThan(0);
    if ("inline" in expected) expect(await page.locator("#card .katex").count()).toBeGreaterThanOrEqual(4);
    if ("scripts" in expected) {
      expect(await page.evaluate(() => document.scripts.length)).toBe(1);
      expect(dialogs).toEqual([]);
    }
    if ("relation" in expected)
      expect(await page.locator(".model-tree .relation").textContent()).toBe(expected.relation);
    // The source view holds every line of the card.
    expect(await page.locator(".source-line").count()).toBe(
      card
        .toString()
        .replace(/\r?\n$/, "")
        .split(/\r?\n/).length,
    );
  });
});
