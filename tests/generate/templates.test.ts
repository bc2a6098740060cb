import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateCard } from "../../src/generate/index.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/templates/", import.meta.url));
const SEED = {
  profile: "smollm3",
  "repo-name": "username/model-name",
  "model-name": "My Fine-tuned Model",
  "dataset-name": "OpenHermes-FR",
  "validation-loss": 2.3,
} as const;

describe("body templates", () => {
  it("the default template leaves out sections with no data instead of filling them", async () => {
    const { card } = await generateCard({
      values: { license: "mit", "library-name": "transformers", "pipeline-tag": "text-generation" },
      hardwareProbe: null,
    });
    expect(card.body.trim()).toBe("# Model card\n\n## Model details\n\n- **License:** mit");
  });

  it("renders every section it has data for, in order", async () => {
    const { card } = await generateCard({ values: SEED, hardwareProbe: { gpuNames: () => ["A100"], cpu: () => null } });
    const headings = card.body.match(/^##+ .*/gm);
    expect(headings).toEqual([
      "## Model details",
      "## Usage",
      "## Training",
      "### Configuration",
      "## Evaluation",
      "## Hardware",
      "## Limitations",
      "## Citation",
    ]);
    expect(card.body).toContain("- **Trained on:** 1 x A100");
    expect(card.body).toContain("| Perplexity | 9.9742 |");
  });

  it("a user template extends the default one and overrides blocks", async () => {
    const { card } = await generateCard({
      values: { ...SEED, template: `${FIXTURES}short.njk` },
      hardwareProbe: null,
    });
    expect(card.body).toContain("## Limitations\n\nOur own limitations text for My Fine-tuned Model.");
    expect(card.body).not.toContain("## Citation");
    expect(card.body).toContain("## Usage");
  });

  it("renders huggingface_hub's template syntax: {{ card_data }} front matter and default(value, true)", async () => {
    const { card, metadata } = await generateCard({
      values: { ...SEED, template: `${FIXTURES}hub-style.md` },
      hardwareProbe: null,
    });
    expect(metadata.extra_key_from_template).toBe("kept");
    expect(metadata.base_model).toBe("HuggingFaceTB/SmolLM3-3B");
    expect(card.body).toContain("# Model Card for username/model-name");
    expect(card.body).toContain("- **Developed by:** unknown developers");
    expect(card.body).toContain("- **License:** apache-2.0");
    expect(card.toString().match(/^---$/gm)).toHaveLength(2);
  });

  it("a template error names the template file", async () => {
    await expect(
      generateCard({ values: { ...SEED, template: `${FIXTURES}missing.njk` }, hardwareProbe: null }),
    ).rejects.toThrow(/missing\.njk: cannot render the template \(.*\); fix the template or omit --template/);
  });
});
