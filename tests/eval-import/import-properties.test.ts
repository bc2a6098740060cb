import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { computeEvalImportEdits, planEvalImport, readHarnessResults } from "../../src/eval-import/index.js";
import { readEvalResultsFolder } from "../../src/eval-results/index.js";

const score = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true });

/** An lm-eval 0.4.12-shaped file with the given scores for gsm8k, gpqa_diamond_zeroshot and hellaswag. */
function lmEvalFile(gsm8k: number, gpqa: number, hellaswag: number, shots: number): string {
  return JSON.stringify({
    results: {
      gsm8k: {
        name: "gsm8k",
        alias: "gsm8k",
        "exact_match,strict-match": gsm8k,
        "exact_match_stderr,strict-match": "N/A",
      },
      gpqa_diamond_zeroshot: { name: "gpqa_diamond_zeroshot", alias: "gpqa_diamond_zeroshot", "acc_norm,none": gpqa },
      hellaswag: { name: "hellaswag", alias: "hellaswag", "acc,none": hellaswag, "acc_stderr,none": 0.01 },
    },
    configs: {
      gsm8k: { dataset_path: "openai/gsm8k", dataset_name: "main", num_fewshot: shots },
      gpqa_diamond_zeroshot: { dataset_path: "Idavidrein/gpqa", dataset_name: "gpqa_diamond", num_fewshot: 0 },
      hellaswag: { dataset_path: "Rowan/hellaswag", num_fewshot: 0 },
    },
    "n-shot": { gsm8k: shots, gpqa_diamond_zeroshot: 0, hellaswag: 0 },
    date: 1779268364.5,
    lm_eval_version: "0.4.12",
    model_name: "org/model",
  });
}

async function importOnce(folder: string, text: string) {
  const card = ModelCard.parse(readFileSync(join(folder, "README.md"), "utf8"));
  const results = [readHarnessResults(text, "results.json")];
  const plan = planEvalImport({
    results,
    card,
    taskIds: { "openai/gsm8k": "main", "Idavidrein/gpqa": "gpqa_diamond" },
  });
  const edits = await computeEvalImportEdits({ plan, folder, card });
  writeFileSync(join(folder, "README.md"), edits.cardText);
  for (const file of edits.files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.after ?? "");
  }
  return edits;
}

describe("eval import, for any scores", () => {
  it("keeps every number unrounded, in model-index and .eval_results/, and a second import changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(score, score, score, fc.integer({ min: 0, max: 25 }), async (gsm8k, gpqa, hellaswag, shots) => {
        const folder = mkdtempSync(join(tmpdir(), "modelcard-import-property-"));
        writeFileSync(join(folder, "README.md"), "---\n# kept\nlicense: mit\n---\n# Model\n");
        const text = lmEvalFile(gsm8k, gpqa, hellaswag, shots);
        await importOnce(folder, text);
        const card = ModelCard.parse(readFileSync(join(folder, "README.md"), "utf8"));
        expect(card.frontMatter).toContain("# kept\nlicense: mit\n");
        expect((card.evalResults ?? []).map((result) => [result.datasetName, result.metricValue])).toEqual([
          ["gsm8k", gsm8k],
          ["gpqa_diamond_zeroshot", gpqa],
          ["hellaswag", hellaswag],
        ]);
        const entries = (await readEvalResultsFolder(folder)).flatMap(({ file }) =>
          file.items.map((item) => item.data),
        );
        expect(entries.map((entry) => (entry as { value: number }).value).sort()).toEqual([gsm8k, gpqa].sort());
        const before = readFileSync(join(folder, "README.md"), "utf8");
        const again = await importOnce(folder, text);
        expect(again.files).toEqual([]);
        expect(again.unchanged).toBe(2);
        expect(readFileSync(join(folder, "README.md"), "utf8")).toBe(before);
      }),
      { numRuns: 30 },
    );
  });
});
