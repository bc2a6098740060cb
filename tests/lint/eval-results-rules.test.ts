import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { fixEvalResultsText, lintEvalResultsText } from "../../src/lint/lint-eval-results.js";
import { EVAL_RESULTS_RULES } from "../../src/lint/rules/eval-results/index.js";
import type { LintMessage } from "../../src/lint/types.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/eval-results/", import.meta.url));
const DOCS = fileURLToPath(new URL("../../docs/rules/", import.meta.url));
const read = (path: string) => readFileSync(`${FIXTURES}${path}`, "utf8");

/** What the rules see beside the file: an earlier file of the folder, and the file as last committed. */
function optionsFor(id: string) {
  if (id === "eval-results-verify-token") return { committedText: read(`${id}/committed.yaml`) };
  if (id === "eval-results-duplicate") {
    return { earlierFiles: [{ name: "gpqa.yaml", keys: [{ datasetId: "Idavidrein/gpqa", taskId: "gpqa_diamond" }] }] };
  }
  return {};
}

const shown = (messages: LintMessage[]) =>
  messages.map(
    (message) =>
      `${message.line}:${message.column} ${message.severity} ${message.message}${message.fix ? ` [fix: ${message.fix.text}]` : ""}`,
  );

/** Every message of each failing fixture, exactly: position, severity, text and fix. */
const EXPECTED: Record<string, string[]> = {
  "eval-results-dataset-id/fail.yaml": [
    "1:17 warning `dataset.id` of entry 1 (https://huggingface.co/datasets/Idavidrein/gpqa:gpqa_diamond) is a URL; write the dataset's Hub id: Idavidrein/gpqa. [fix: Idavidrein/gpqa]",
    '3:17 warning `dataset.id` of entry 2 (gsm8k:main) is "gsm8k", with no owner; benchmarks live under an owner (e.g. openai/gsm8k), so the Hub cannot link this score to a leaderboard.',
    '5:17 warning `dataset.id` of entry 3 (./data/hle:default) is "./data/hle", a local path; give the benchmark dataset\'s Hub id, owner/name (e.g. Idavidrein/gpqa).',
  ],
  "eval-results-date/fail.yaml": [
    "3:9 warning `date` of entry 1 (Idavidrein/gpqa:gpqa_diamond) is unquoted, so the Hub's reader (js-yaml) reads it as a date object, not a string; write it quoted: '2026-02-03'. [fix: '2026-02-03']",
    "6:9 warning `date` of entry 2 (cais/hle:default) is unquoted, so the Hub's reader (js-yaml) reads it as a date object, not a string; write it quoted: '2026-02-04T10:30:00Z'. [fix: '2026-02-04T10:30:00Z']",
    "9:9 warning `date` of entry 3 (openai/gsm8k:main) is \"Feb 3, 2026\", not an ISO-8601 date; write the date of the run as 'YYYY-MM-DD' (or a full date-time).",
    "12:9 warning `date` of entry 4 (TIGER-Lab/MMLU-Pro:mmlu_pro) is 20260203, not an ISO-8601 date; write the date of the run as 'YYYY-MM-DD' (or a full date-time).",
  ],
  "eval-results-duplicate/fail.yaml": [
    "3:3 warning entry 2 (cais/hle:default) is a second score for cais/hle:default (also in entry 1 of this file); keep one, or tell setups apart with `notes`.",
    "5:3 warning entry 3 (Idavidrein/gpqa:gpqa_diamond) is a second score for Idavidrein/gpqa:gpqa_diamond (also in gpqa.yaml); keep one, or tell setups apart with `notes`.",
  ],
  "eval-results-required/fail.yaml": [
    "1:3 error `dataset.task_id` is missing in entry 1 (Idavidrein/gpqa); the spec requires it and huggingface_hub's parser fails without it.",
    "4:3 error `value` is missing in entry 2; the spec requires the score and huggingface_hub's parser fails without it.",
    '5:9 error `dataset.id` is "", not a non-empty string in entry 2; the spec requires it and huggingface_hub\'s parser fails without it.',
    "6:14 error `dataset.task_id` is 7, not a non-empty string in entry 2; the spec requires it and huggingface_hub's parser fails without it.",
    "7:3 error entry 3 has no `dataset`; give `dataset.id` (the benchmark's Hub id) and `dataset.task_id` (huggingface_hub's parser fails without them).",
  ],
  "eval-results-source-url/fail.yaml": [
    '3:3 error `source` of entry 1 (Idavidrein/gpqa:gpqa_diamond) has `name`, `org` but no `url`; the spec requires `source.url` (huggingface_hub raises "If `source_name`, `source_user`, or `source_org` is provided, `source_url` must also be provided").',
    '8:11 error `source` of entry 2 (cais/hle:default) is "https://example.org/logs", not a mapping; give `source.url` (and optionally `name`, `user`, `org`) or remove `source`.',
  ],
  "eval-results-unknown-key/fail.yaml": [
    "4:5 warning unknown key `split` in `dataset` of entry 1 (Idavidrein/gpqa:gpqa_diamond) (dropped from the spec in favour of `dataset.task_id`); the spec's keys are `id`, `task_id`, `revision`.",
    "6:3 warning unknown key `verify_token` of entry 1 (Idavidrein/gpqa:gpqa_diamond) (the spec spells it `verifyToken`); the spec's keys are `dataset`, `value`, `verifyToken`, `date`, `source`, `notes`.",
    "7:38 warning unknown key `team` in `source` of entry 1 (Idavidrein/gpqa:gpqa_diamond); the spec's keys are `url`, `name`, `user`, `org`.",
    "8:3 warning entry 2 (openai/gsm8k:main) is in the API's wrapper shape ({filename, verified, data, pullRequest}); a file holds the entry itself: write what is under `data`.",
  ],
  "eval-results-value/fail.yaml": [
    '2:10 error `value` of entry 1 (Idavidrein/gpqa:gpqa_diamond) is the string "63.3"; write the number without quotes. [fix: 63.3]',
    '4:10 error `value` of entry 2 (cais/hle:default) is "9%", not a finite number; give the score as a number (e.g. 63.3).',
    "6:10 error `value` of entry 3 (openai/gsm8k:main) is NaN, not a finite number; give the score as a number (e.g. 63.3).",
    "8:9 error `value` of entry 4 (TIGER-Lab/MMLU-Pro:mmlu_pro) is null, not a finite number; give the score as a number (e.g. 63.3).",
  ],
  "eval-results-verify-token/fail.yaml": [
    "2:10 warning entry 1 (Idavidrein/gpqa:gpqa_diamond) keeps its verifyToken but its value changed since the last commit (63.3 → 65); the token vouches for the evaluated score, so restore the value or remove verifyToken.",
  ],
  "eval-results-yaml/fail-items.yaml": [
    "5:3 error entry 2 is 42, not a mapping; each item is one score (`- dataset: {id: ..., task_id: ...}`, `value: ...`).",
    "6:3 error entry 3 is a list, not a mapping; each item is one score (`- dataset: {id: ..., task_id: ...}`, `value: ...`).",
  ],
  "eval-results-yaml/fail-mapping.yaml": [
    "1:1 error the file holds a mapping, not a list of entries; write each score as a list item (`- dataset: ...`).",
  ],
  "eval-results-yaml/fail.yaml": [
    "3:4 error the Hub's YAML reader cannot read this file: bad indentation of a mapping entry.",
  ],
};

describe.each(Object.entries(EXPECTED))("fixture %s", (fixture, expected) => {
  const id = fixture.slice(0, fixture.indexOf("/"));
  it("gives exactly these messages, all from its rule", () => {
    const messages = lintEvalResultsText(read(fixture), optionsFor(id));
    expect(shown(messages)).toEqual(expected);
    expect(new Set(messages.map((message) => message.ruleId))).toEqual(new Set([id]));
  });
});

describe.each(EVAL_RESULTS_RULES.map((rule) => [rule.id, rule] as const))("rule %s", (id, rule) => {
  it("finds nothing in its passing fixture", () => {
    expect(lintEvalResultsText(read(`${id}/pass.yaml`))).toEqual([]);
  });

  it("has a page in docs/rules/ whose examples fail and pass as it says", () => {
    const page = readFileSync(`${DOCS}${id}.md`, "utf8");
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain(`Default severity: **${rule.defaultSeverity}**`);
    expect(page).toContain(`Fixable with \`--fix\`: **${rule.fixable ? "yes" : "no"}**`);
    expect(page).toContain("## What is known of the Hub's own check");
    expect(readFileSync(`${DOCS}README.md`, "utf8")).toContain(`[${id}](${id}.md)`);
    const examples = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
    const passing = examples[examples.length - 1] ?? "";
    expect(lintEvalResultsText(passing)).toEqual([]);
    if (id === "eval-results-verify-token") {
      const [committed = "", now = ""] = examples;
      expect(lintEvalResultsText(now, { committedText: committed }).map((message) => message.ruleId)).toEqual([id]);
    } else {
      expect(lintEvalResultsText(examples[0] ?? "").some((message) => message.ruleId === id)).toBe(true);
    }
  });

  it.runIf(rule.fixable)("fixes its failing fixture; the fixed file lints clean of the fixed messages", () => {
    const text = read(`${id}/fail.yaml`);
    const before = lintEvalResultsText(text);
    const { output, messages, fixed } = fixEvalResultsText(text);
    expect(fixed).toBe(before.filter((message) => message.fix).length);
    expect(fixed).toBeGreaterThan(0);
    expect(lintEvalResultsText(output)).toEqual(messages);
    expect(messages.filter((message) => message.fix)).toEqual([]);
    // Only the fixed lines changed.
    const fixedLines = new Set(before.filter((message) => message.fix).map((message) => message.line));
    const [beforeLines, afterLines] = [text.split("\n"), output.split("\n")];
    expect(afterLines.length).toBe(beforeLines.length);
    beforeLines.forEach((line, index) => {
      if (!fixedLines.has(index + 1)) expect(afterLines[index]).toBe(line);
    });
  });
});

describe("the .eval_results rules", () => {
  it("quote an unquoted date so that every reader reads the string the spec asks for", () => {
    const { output } = fixEvalResultsText(read("eval-results-date/fail.yaml"));
    const dates = (load(output) as { date: unknown }[]).map((entry) => entry.date);
    expect(dates).toEqual(["2026-02-03", "2026-02-04T10:30:00Z", "Feb 3, 2026", 20260203]);
  });

  it("follow the configuration: off, another severity, the strict preset", () => {
    const text = read("eval-results-date/fail.yaml");
    expect(lintEvalResultsText(text, { config: { rules: { "eval-results-date": "off" } } })).toEqual([]);
    const raised = lintEvalResultsText(text, { config: { rules: { "eval-results-date": ["error"] } } });
    expect(raised.map((message) => message.severity)).toEqual(["error", "error", "error", "error"]);
    const strict = lintEvalResultsText(text, { config: { preset: "strict" } });
    expect(strict.every((message) => message.severity === "error")).toBe(true);
  });

  it("run only the syntax rule on a file the Hub cannot read", () => {
    const messages = lintEvalResultsText("- dataset: {id: a/b\n  value: '1'\n");
    expect(messages.map((message) => message.ruleId)).toEqual(["eval-results-yaml"]);
  });

  it("place fixes after a byte order mark", () => {
    const text = "\uFEFF- dataset: {id: a/b, task_id: t}\n  value: 1\n  date: 2026-01-02\n";
    expect(fixEvalResultsText(text).output).toBe(
      "\uFEFF- dataset: {id: a/b, task_id: t}\n  value: 1\n  date: '2026-01-02'\n",
    );
  });
});
