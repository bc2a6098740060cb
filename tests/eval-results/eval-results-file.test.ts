import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { CardEditRefusedError, MetadataConflictError } from "../../src/card/index.js";
import { EvalResultsFile } from "../../src/eval-results/index.js";

/** The shape seen in real repositories' pull requests (the Hub's docs example), with comments and an unquoted date. */
const BLOCK = `# Scores from the model card
- dataset:
    id: Idavidrein/gpqa
    task_id: gpqa_diamond
  value: 63.3 # best of 3
  date: 2026-02-03
  source:
    url: https://huggingface.co/arcee-ai/Trinity-Large-Preview
    name: Model Card

# HLE, no tools
- dataset:
    id: cais/hle
    task_id: default
  value: 9.1
  date: '2026-02-04'
  notes: no-tools
`;

const FLOW = `[{dataset: {id: openai/gsm8k, task_id: main}, value: 86.2, date: "2024-04-22"}, {dataset: {id: cais/hle, task_id: default}, value: 2}]\n`;

/** PyYAML's `yaml.dump` of huggingface_hub's `eval_result_entries_to_yaml`: keys sorted alphabetically. */
const SORTED = `- dataset:
    id: TIGER-Lab/MMLU-Pro
    task_id: mmlu_pro
  date: '2026-01-15'
  notes: chain-of-thought
  source:
    name: Eval logs
    url: https://example.org/logs
  value: 0.412
`;

const MMLU = { dataset: { id: "TIGER-Lab/MMLU-Pro", task_id: "mmlu_pro" }, value: 70.1, date: "2026-03-01" };

describe("EvalResultsFile: reading", () => {
  it("keeps the exact text and reads the entries as the Hub's reader does", () => {
    for (const text of [BLOCK, FLOW, SORTED, BLOCK.replaceAll("\n", "\r\n")]) {
      const file = EvalResultsFile.parse(text);
      expect(file.toString()).toBe(text);
      expect(file.problems).toEqual([]);
      expect(file.items.map((item) => item.data)).toEqual(load(text));
    }
  });

  it("reads an unquoted date as js-yaml does (a Date), a quoted one as a string", () => {
    const [gpqa, hle] = EvalResultsFile.parse(BLOCK).items;
    expect((gpqa?.data as { date?: unknown } | undefined)?.date).toEqual(new Date("2026-02-03T00:00:00Z"));
    expect((hle?.data as { date?: unknown } | undefined)?.date).toBe("2026-02-04");
  });

  it("gives the well-formed entries in the spec's key order", () => {
    const [entry] = EvalResultsFile.parse(SORTED).entries;
    expect(Object.keys(entry ?? {})).toEqual(["dataset", "value", "date", "source", "notes"]);
    expect(Object.keys(entry?.source ?? {})).toEqual(["url", "name"]);
  });

  it("reads the API's wrapper shape {filename, verified, data, pullRequest}", () => {
    const api = JSON.stringify([
      {
        filename: ".eval_results/gsm8k.yaml",
        verified: false,
        data: { dataset: { id: "openai/gsm8k", task_id: "main" }, value: 86.2, date: "2024-04-22" },
        pullRequest: 44,
      },
    ]);
    const file = EvalResultsFile.parse(api);
    expect(file.entries).toEqual([
      { dataset: { id: "openai/gsm8k", task_id: "main" }, value: 86.2, date: "2024-04-22" },
    ]);
    expect(file.items[0]?.wrapper).toEqual({ filename: ".eval_results/gsm8k.yaml", verified: false, pullRequest: 44 });
  });

  it("reports YAML the Hub cannot read and a file that is not a list, with positions", () => {
    expect(EvalResultsFile.parse("- dataset:\n    id: a/b\n   task_id: x\n").problems).toEqual([
      expect.objectContaining({ code: "yaml-syntax", line: 3, column: 4 }),
    ]);
    expect(EvalResultsFile.parse("# one entry, not a list\ndataset:\n  id: a/b\nvalue: 1\n").problems).toEqual([
      {
        code: "not-a-list",
        message: "the file holds a mapping, not a list of entries; write each score as a list item (`- dataset: ...`)",
        line: 2,
        column: 1,
      },
    ]);
    expect(EvalResultsFile.parse("").problems).toEqual([]);
  });

  it("gives positions of keys and values", () => {
    const file = EvalResultsFile.parse(BLOCK);
    expect(file.positionOf([0, "dataset", "id"], true)).toEqual({ line: 3, column: 9, endLine: 3, endColumn: 24 });
    expect(file.positionOf([1, "notes"])).toEqual({ line: 17, column: 3, endLine: 17, endColumn: 8 });
    // A missing key points at its entry.
    expect(file.positionOf([1, "source", "url"])).toEqual({ line: 12, column: 3 });
  });
});

describe("EvalResultsFile: edits touch one entry and nothing else", () => {
  it("adds an entry at the end of a block list, date quoted, keys in the spec's order", () => {
    const file = EvalResultsFile.parse(BLOCK).add({
      notes: "5-shot",
      date: "2026-03-01",
      value: 70.1,
      dataset: { task_id: "mmlu_pro", id: "TIGER-Lab/MMLU-Pro" },
    } as typeof MMLU);
    expect(file.toString()).toBe(
      `${BLOCK}- dataset:\n    id: TIGER-Lab/MMLU-Pro\n    task_id: mmlu_pro\n  value: 70.1\n  date: '2026-03-01'\n  notes: 5-shot\n`,
    );
  });

  it("adds to a flow list in flow style, and to an empty file", () => {
    expect(EvalResultsFile.parse(FLOW).add(MMLU).toString()).toBe(
      `[{dataset: {id: openai/gsm8k, task_id: main}, value: 86.2, date: "2024-04-22"}, {dataset: {id: cais/hle, task_id: default}, value: 2}, {dataset: {id: TIGER-Lab/MMLU-Pro, task_id: mmlu_pro}, value: 70.1, date: '2026-03-01'}]\n`,
    );
    expect(EvalResultsFile.parse("").add(MMLU).toString()).toBe(
      "- dataset:\n    id: TIGER-Lab/MMLU-Pro\n    task_id: mmlu_pro\n  value: 70.1\n  date: '2026-03-01'\n",
    );
    expect(EvalResultsFile.parse("# scores").add(MMLU).toString()).toMatch(/^# scores\n- dataset:\n/);
  });

  it("keeps CRLF line endings and the file's indentation", () => {
    const crlf = BLOCK.replaceAll("\n", "\r\n");
    const added = EvalResultsFile.parse(crlf).add(MMLU).toString();
    expect(added.startsWith(crlf)).toBe(true);
    expect(added.slice(crlf.length)).toBe(
      "- dataset:\r\n    id: TIGER-Lab/MMLU-Pro\r\n    task_id: mmlu_pro\r\n  value: 70.1\r\n  date: '2026-03-01'\r\n",
    );
    const wide = "-   dataset:\n        id: a/b\n        task_id: t\n    value: 1\n";
    expect(
      EvalResultsFile.parse(wide)
        .replace({ dataset: { id: "a/b", task_id: "t" }, value: 2 })
        .toString(),
    ).toBe("-   dataset:\n        id: a/b\n        task_id: t\n    value: 2\n");
  });

  it("replaces an entry in place, keeping comments around it", () => {
    const file = EvalResultsFile.parse(BLOCK).replace({
      dataset: { id: "cais/hle", task_id: "default" },
      value: 10.5,
      date: "2026-02-05",
      notes: "no-tools",
    });
    expect(file.toString()).toBe(
      BLOCK.replace("value: 9.1\n  date: '2026-02-04'", "value: 10.5\n  date: '2026-02-05'"),
    );
    const flow = EvalResultsFile.parse(FLOW).replace({ dataset: { id: "cais/hle", task_id: "default" }, value: 3 });
    expect(flow.toString()).toBe(FLOW.replace("value: 2}", "value: 3}"));
  });

  it("removes an entry with its lines; the comment above the next entry stays", () => {
    const file = EvalResultsFile.parse(BLOCK).remove({ datasetId: "Idavidrein/gpqa", taskId: "gpqa_diamond" });
    expect(file.toString()).toBe(`# Scores from the model card\n\n${BLOCK.slice(BLOCK.indexOf("# HLE"))}`);
    expect(EvalResultsFile.parse(FLOW).remove({ datasetId: "openai/gsm8k", taskId: "main" }).toString()).toBe(
      "[{dataset: {id: cais/hle, task_id: default}, value: 2}]\n",
    );
    expect(EvalResultsFile.parse(FLOW).remove({ datasetId: "cais/hle", taskId: "default" }).toString()).toBe(
      `[{dataset: {id: openai/gsm8k, task_id: main}, value: 86.2, date: "2024-04-22"}]\n`,
    );
  });

  it("tells entries of one task apart by their notes", () => {
    const both = EvalResultsFile.parse(BLOCK).add({
      dataset: { id: "cais/hle", task_id: "default" },
      value: 14,
      notes: "tools",
    });
    expect(() => both.remove({ datasetId: "cais/hle", taskId: "default" })).toThrow(
      'entries for cais/hle:default (notes "no-tools", "tools"); name the one to change by its notes',
    );
    both.remove({ datasetId: "cais/hle", taskId: "default", notes: "tools" });
    expect(both.toString()).toBe(BLOCK);
  });

  it("refuses what it cannot do, leaving the text as it was", () => {
    const file = EvalResultsFile.parse(BLOCK);
    expect(() => file.add({ ...MMLU, dataset: { id: "Idavidrein/gpqa", task_id: "gpqa_diamond" } })).toThrow(
      MetadataConflictError,
    );
    expect(() => file.replace(MMLU)).toThrow("no entry for TIGER-Lab/MMLU-Pro:mmlu_pro in this file");
    expect(() => file.add({ ...MMLU, value: Number.NaN })).toThrow("value must be a finite number");
    expect(() => file.add({ ...MMLU, source: { name: "x" } as never })).toThrow("source.url is required");
    const broken = EvalResultsFile.parse("- dataset: [\n");
    expect(() => broken.add(MMLU)).toThrow(CardEditRefusedError);
    expect(broken.toString()).toBe("- dataset: [\n");
    expect(file.toString()).toBe(BLOCK);
  });

  it("writes strings every reader reads back as strings", () => {
    const tricky = { dataset: { id: "a/b", task_id: "no" }, value: 1e-7, notes: "2024-01-01", date: "it's" };
    const text = EvalResultsFile.parse("").add(tricky).toString();
    expect(text).toBe(
      `- dataset:\n    id: a/b\n    task_id: "no"\n  value: 1.0e-07\n  date: 'it''s'\n  notes: "2024-01-01"\n`,
    );
    expect(load(text)).toEqual([tricky]);
  });
});
