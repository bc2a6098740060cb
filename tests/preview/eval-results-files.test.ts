import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPreview } from "../../src/preview/index.js";

function modelFolder(scores: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-preview-scores-"));
  writeFileSync(join(folder, "README.md"), "---\nlicense: mit\nlibrary_name: transformers\n---\n# Model\n");
  mkdirSync(join(folder, ".eval_results"));
  for (const [name, text] of Object.entries(scores)) writeFileSync(join(folder, ".eval_results", name), text);
  return folder;
}

const GPQA = `- dataset:
    id: Idavidrein/gpqa
    task_id: gpqa_diamond
  value: 0.633
  date: '2026-02-03'
  source:
    url: https://github.com/EleutherAI/lm-evaluation-harness
    name: lm-evaluation-harness
  notes: 0-shot
`;

describe("the preview's .eval_results/ scores", () => {
  it("shows each file's entries beside the model-index, as the Hub's reader reads them", async () => {
    const folder = modelFolder({ "gpqa.yaml": GPQA, "broken.yaml": "- dataset: [\n" });
    const { html, scoreFiles } = await buildPreview(join(folder, "README.md"));
    expect(html).toContain("<h2>Scores (.eval_results/)</h2>");
    expect(html).toContain(
      '<tr><td><code>Idavidrein/gpqa</code></td><td>gpqa_diamond</td><td><span class="metric-value">0.633</span></td><td>2026-02-03<br><span class="muted">0-shot</span></td><td><a href="https://github.com/EleutherAI/lm-evaluation-harness">lm-evaluation-harness</a></td></tr>',
    );
    expect(html).toContain("<code>.eval_results/broken.yaml</code>");
    expect(html).toMatch(/<td colspan="5" class="eval-invalid">2:1 [^<]*flow collection/);
    expect(scoreFiles.map((file) => file.slice(folder.length))).toEqual([
      "/.eval_results/broken.yaml",
      "/.eval_results/gpqa.yaml",
    ]);
  });

  it("never makes a link of a source URL that is not a web address", async () => {
    const hostile = GPQA.replace("https://github.com/EleutherAI/lm-evaluation-harness", "javascript:alert(1)");
    const { html } = await buildPreview(join(modelFolder({ "gpqa.yaml": hostile }), "README.md"));
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("<td>lm-evaluation-harness</td>");
  });

  it("has no scores section without .eval_results/", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-preview-scores-"));
    writeFileSync(join(folder, "README.md"), "---\nlicense: mit\n---\n# Model\n");
    expect((await buildPreview(join(folder, "README.md"))).html).not.toContain("Scores (.eval_results/)");
  });
});
