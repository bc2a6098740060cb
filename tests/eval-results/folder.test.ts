import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CardEditRefusedError, MetadataConflictError } from "../../src/card/index.js";
import {
  addEvalResultsEntry,
  evalResultsFileName,
  readEvalResultsFolder,
  removeEvalResultsEntry,
} from "../../src/eval-results/index.js";

const GPQA = { dataset: { id: "Idavidrein/gpqa", task_id: "gpqa_diamond" }, value: 63.3, date: "2026-02-03" };

function modelFolder(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), "eval-results-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, ".eval_results"), { recursive: true });
    writeFileSync(join(folder, ".eval_results", name), text);
  }
  return folder;
}

describe("a model folder's .eval_results/", () => {
  it("names a benchmark's file after the dataset", () => {
    expect(evalResultsFileName("Idavidrein/gpqa")).toBe("gpqa.yaml");
    expect(evalResultsFileName("SWE-bench/SWE-bench_Verified")).toBe("SWE-bench_Verified.yaml");
    expect(evalResultsFileName("org/odd name!")).toBe("odd_name_.yaml");
  });

  it("reads every *.yaml file, sorted; none when there is no folder", async () => {
    expect(await readEvalResultsFolder(modelFolder())).toEqual([]);
    const folder = modelFolder({ "hle.yaml": "[]\n", "gpqa.yaml": "[]\n", "notes.txt": "x", "old.yml": "[]\n" });
    expect((await readEvalResultsFolder(folder)).map((file) => file.name)).toEqual(["gpqa.yaml", "hle.yaml"]);
  });

  it("adds a score to its benchmark's file, creating folder and file, then appends to it", async () => {
    const folder = modelFolder();
    const edit = await addEvalResultsEntry({ folder, entry: GPQA });
    const path = join(folder, ".eval_results", "gpqa.yaml");
    expect(edit).toEqual({
      path,
      before: null,
      after: "- dataset:\n    id: Idavidrein/gpqa\n    task_id: gpqa_diamond\n  value: 63.3\n  date: '2026-02-03'\n",
    });
    expect(readFileSync(path, "utf8")).toBe(edit.after);
    await addEvalResultsEntry({ folder, entry: { ...GPQA, dataset: { id: "Idavidrein/gpqa", task_id: "gpqa_main" } } });
    expect(readFileSync(path, "utf8")).toBe(`${edit.after}${edit.after?.replace("gpqa_diamond", "gpqa_main")}`);
  });

  it("refuses an existing score unless told to overwrite it, wherever it is", async () => {
    const text = "# from the paper\n- dataset:\n    id: Idavidrein/gpqa\n    task_id: gpqa_diamond\n  value: 60\n";
    const folder = modelFolder({ "paper.yaml": text });
    await expect(addEvalResultsEntry({ folder, entry: GPQA })).rejects.toThrow(MetadataConflictError);
    expect(existsSync(join(folder, ".eval_results", "gpqa.yaml"))).toBe(false);
    const edit = await addEvalResultsEntry({ folder, entry: GPQA, overwrite: true });
    expect(edit.path).toBe(join(folder, ".eval_results", "paper.yaml"));
    expect(readFileSync(edit.path, "utf8")).toBe(`${text.replace("value: 60", "value: 63.3")}  date: '2026-02-03'\n`);
  });

  it("computes without writing when asked", async () => {
    const folder = modelFolder();
    const edit = await addEvalResultsEntry({ folder, entry: GPQA, write: false });
    expect(edit.after).toContain("gpqa_diamond");
    expect(existsSync(join(folder, ".eval_results"))).toBe(false);
  });

  it("removes a score's lines, and a file it leaves empty", async () => {
    const two = `- dataset:\n    id: cais/hle\n    task_id: default\n  value: 9.1\n  notes: no-tools\n- dataset:\n    id: cais/hle\n    task_id: default\n  value: 14\n  notes: tools\n`;
    const folder = modelFolder({ "hle.yaml": two });
    const path = join(folder, ".eval_results", "hle.yaml");
    await expect(removeEvalResultsEntry({ folder, key: { datasetId: "cais/hle", taskId: "default" } })).rejects.toThrow(
      CardEditRefusedError,
    );
    await removeEvalResultsEntry({ folder, key: { datasetId: "cais/hle", taskId: "default", notes: "tools" } });
    expect(readFileSync(path, "utf8")).toBe(two.slice(0, two.indexOf("- dataset:", 5)));
    const edit = await removeEvalResultsEntry({ folder, key: { datasetId: "cais/hle", taskId: "default" } });
    expect(edit.after).toBeNull();
    expect(existsSync(path)).toBe(false);
    await expect(removeEvalResultsEntry({ folder, key: { datasetId: "cais/hle", taskId: "default" } })).rejects.toThrow(
      "no score for cais/hle:default in",
    );
  });
});
