import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { lintCard } from "../../src/lint/index.js";
import { renderPreviewPage } from "../../src/preview/index.js";
import { FULL_CARD } from "./fixture-cards.js";

function page(text: string, repoName = "me/tiny-fr") {
  const card = ModelCard.parse(text);
  return renderPreviewPage({ card, messages: lintCard(card), repoName });
}

/** The text of each element with `class="chip ..."`, without its tags. */
function chips(html: string): string[] {
  return [...html.matchAll(/<(?:span|a) class="chip [^"]*"[^>]*>(.*?)<\/(?:span|a)>(?=<|$)/g)].map((match) =>
    (match[1] ?? "").replace(/<[^>]+>/g, ""),
  );
}

describe("the preview page, rendered on the server", () => {
  it("shows the metadata's chips with the Hub's labels", () => {
    const { html } = page(FULL_CARD);
    expect(html).toContain('<h1 class="repo-name">me/tiny-fr</h1>');
    expect(chips(html)).toEqual([
      "Task: Text Generation",
      "Library: PEFT",
      "Dataset: legmlai/openhermes-fr",
      "Language: French",
      "Language: English",
      "Tag: chat",
      "License: acme-research",
    ]);
    // license: other links to license_link; an unknown task is shown as written and marked.
    expect(html).toMatch(/<a class="chip chip-license"[^>]*href="LICENSE"/);
    const unknown = page("---\npipeline_tag: text-gen\nlibrary_name: transformers\n---\n").html;
    expect(unknown).toContain('class="chip chip-task chip-unknown"');
    expect(unknown).toContain("pipeline_tag: text-gen (not in the Hub&#39;s list)");
    expect(chips(unknown)).toEqual(["Task: text-gen", "Library: Transformers"]);
  });

  it("adds the arxiv tags the Hub derives from paper links in the body, and the new_version notice", () => {
    const { html } = page(
      "---\nnew_version: me/tiny-fr-v2\n---\nSee [DPO](https://arxiv.org/abs/2305.18290v2), [again](https://huggingface.co/papers/2305.18290) " +
        "and https://arxiv.org/pdf/2106.09685.pdf, not [this](https://example.com/abs/2305.18290).\n",
    );
    expect(chips(html)).toEqual(["arXiv: 2305.18290", "arXiv: 2106.09685"]);
    expect(html).toMatch(/<a class="chip chip-paper"[^>]*href="https:\/\/arxiv.org\/abs\/2106.09685"/);
    expect(html).toContain(
      '<div class="new-version" id="new-version">A newer version of this model is available: <a href="https://huggingface.co/me/tiny-fr-v2">me/tiny-fr-v2</a></div>',
    );
    expect(page(FULL_CARD).html).not.toContain("new-version");
  });

  it("draws the model tree with the given relation, and says so when it is not given", () => {
    expect(page(FULL_CARD).html).toMatch(/Model tree for me\/tiny-fr[\s\S]*HuggingFaceTB\/SmolLM3-3B[\s\S]*Adapter/);
    const inferred = page("---\nbase_model: a/b\n---\n").html;
    expect(inferred).toContain("relation not given: the Hub infers it");
    expect(page("---\nlicense: mit\n---\n").html).not.toContain("Model tree");
  });

  it("lists the model-index as a results table", () => {
    const { html } = page(FULL_CARD);
    expect(html).toContain('<tr class="task-row"><th colspan="3">text-generation</th></tr>');
    expect(html).toContain(
      '<tr class="result-row"><td>GSM8K<br><span class="muted"><code>openai/gsm8k</code> · split test</span></td><td>Accuracy</td><td><span class="metric-value">0.731</span></td></tr>',
    );
    const broken = page("---\nmodel-index:\n- name: x\n  results:\n  - metrics: []\n---\n").html;
    expect(broken).toContain("The model-index yields no results: ");
  });

  it("renders GFM, highlighted code and the Hub's math, and keeps no script, handler or javascript: URL", () => {
    const rendered = page(FULL_CARD);
    const { localImages } = rendered;
    // The card's body only: the source view below it shows the card as written.
    const html = /<main[^>]*>([\s\S]*)<\/main>/.exec(rendered.html)?.[1] ?? "";
    expect(html).toContain('<th style="text-align:right">Step</th>');
    expect(html).toMatch(/<input type="checkbox"[^>]*checked[^>]*disabled/);
    expect(html).toContain(
      '<pre><code class="hljs language-python"><span class="hljs-keyword">def</span> <span class="hljs-title function_">loss</span>',
    );
    expect(html).toMatch(
      /Inline <span class="katex"><span class="katex-mathml"><math[^>]*><semantics><mrow><mi>E<\/mi>/,
    );
    expect(html).toMatch(/<span class="katex-display"><span class="katex">[\s\S]*?<mo>∑<\/mo>/);
    expect(html).not.toMatch(/\$\$|\\\\\(/);
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(html).toContain('<div class="dark:hidden">light only</div>');
    expect(html).toContain('<img src="images/dark.png#hf-dark-mode-only" alt="dark" />');
    expect(localImages).toEqual(["images/curves.png", "images/dark.png", "x"]);
  });

  it("puts math in an attribute back as written, never KaTeX's markup that would end the attribute", () => {
    const { html } = page(`---\nlicense: mit\n---\n<img src="a.png" alt="$$\\text{x" onerror="y}$$">\n\n$$z$$\n`);
    expect(html).toContain('<img src="a.png" alt="$$\\text{x&quot; onerror=&quot;y}$$" />');
    expect(html).toMatch(/<p><span class="katex-display"><span class="katex">[\s\S]*<mi>z<\/mi>/);
  });

  it("still renders a card the Hub rejects, with the error in the Hub's words and its code frame", () => {
    const { html } = page("---\nlicense: mit\nfoo: [1\nlanguage: en\n---\n# Still here\n");
    expect(html).toContain("<h1>Still here</h1>");
    expect(html).toContain(
      '<a href="#L4">YAML Metadata Error: Invalid YAML in README.md: missed comma between flow collection entries (3:1)</a>',
    );
    expect(html).toContain(
      `<pre class="code-frame">  2 | license: mit\n  3 | foo: [1\n&gt; 4 | language: en\n    | ^\n  5 | ---\n  6 | # Still here\n  7 |</pre>`,
    );
    expect(page("---\nlicense: mit\n---\n").html).not.toContain("rejection-banner");
  });

  it("links each lint message to its line of the source view", () => {
    const { html } = page("---\nlicense: MIT-ish\npipeline_tag: text-generation\n---\n# Body\n");
    expect(html).toMatch(
      /<li class="lint-message lint-error" data-rule="license"><a href="#L2"><span class="lint-position">2:10<\/span> <span class="lint-severity">error<\/span>/,
    );
    expect(html).toContain(
      '<span class="source-line source-error" id="L2"><a class="line-number" href="#L2">2</a>license: MIT-ish\n</span>',
    );
    expect(html).toContain('<span class="source-line" id="L5"><a class="line-number" href="#L5">5</a># Body\n</span>');
  });
});
