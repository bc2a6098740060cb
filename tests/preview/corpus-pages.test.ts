import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { lintCard } from "../../src/lint/index.js";
import { renderPreviewPage } from "../../src/preview/index.js";
import { CORPUS, corpusFiles } from "../support/shared.js";

/** Every 50th real card: about 90 cards, some of them tens of KB of HTML tables. */
const SAMPLE = corpusFiles().filter((_, index) => index % 50 === 0);

describe("preview pages of real cards", () => {
  it(`render ${SAMPLE.length} corpus cards with no script, event handler or javascript: URL in the body`, () => {
    let withHtml = 0;
    for (const name of SAMPLE) {
      const card = ModelCard.fromBytes(readFileSync(CORPUS + name));
      const { html } = renderPreviewPage({ card, messages: lintCard(card), repoName: name });
      const body = /<main class="card-body markdown" id="card">([\s\S]*)<\/main>/.exec(html)?.[1];
      expect(body, name).toBeDefined();
      expect(body, name).not.toMatch(/<script|<iframe|<object|<embed|\son[a-z]+\s*=|javascript:/i);
      if (/<(?:img|div|p|center|details)\b[^>]*>/i.test(card.body)) withHtml += 1;
      const lines = card
        .toString()
        .replace(/\r?\n$/, "")
        .split(/\r?\n/).length;
      expect(html.match(/<span class="source-line/g)?.length, name).toBe(lines);
    }
    // The sample holds cards with raw HTML of their own, so the sanitiser is exercised.
    expect(withHtml).toBeGreaterThan(10);
  });
});
