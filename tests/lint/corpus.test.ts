import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatPath, ModelCard } from "../../src/card/index.js";
import { BUILT_IN_RULES, type LintMessage, lintText } from "../../src/lint/index.js";
import { CORPUS, corpusFiles, ORACLE } from "../support/shared.js";

/** Cards of the corpus with an error, per rule, with the default (recommended) configuration. */
const EXPECTED_CARDS_WITH_ERRORS = {
  "field-type": 9,
  "hub-id": 65,
  license: 4,
  "model-index-schema": 104,
  "not-a-mapping": 4,
  "yaml-syntax": 3,
};
const EXPECTED_CARDS = 181;

interface OracleLine {
  file: string;
  error: string | null;
}

const files = corpusFiles();
const texts = new Map(files.map((file) => [file, readFileSync(`${CORPUS}${file}`, "utf8")]));
/** Every card linted once with the default configuration, shared by the tests that need it. */
let linted: Map<string, LintMessage[]> | undefined;
const lintedCorpus = () => {
  linted ??= new Map([...texts].map(([file, text]) => [file, lintText(text)]));
  return linted;
};
const DOCS = fileURLToPath(new URL("../../docs/rules/", import.meta.url));
/** Rules whose page marks them as a Hub rejection: the only ones that may give an error by default. */
const hubRejectionRules = new Set(
  BUILT_IN_RULES.filter((rule) =>
    readFileSync(`${DOCS}${rule.id}.md`, "utf8").includes("- Hub rejection: **yes**"),
  ).map((rule) => rule.id),
);

const oracle = readFileSync(ORACLE, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as OracleLine);

describe("linting the real corpus", () => {
  it("never crashes, and every message has a rule, a severity and a position inside the card", () => {
    for (const [file, messages] of lintedCorpus()) {
      const lineCount = (texts.get(file) ?? "").split("\n").length;
      for (const message of messages) {
        expect(["error", "warning"], file).toContain(message.severity);
        expect(message.line, file).toBeGreaterThanOrEqual(1);
        expect(message.line, file).toBeLessThanOrEqual(lineCount);
        expect(message.column, file).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("gives an error only where the Hub rejects the card: at most 200 cards, each error from a Hub-rejection rule", () => {
    const cardsWithErrors = new Map<string, number>();
    const notHubRejections: string[] = [];
    let cards = 0;
    for (const [file, messages] of lintedCorpus()) {
      const errors = messages.filter((message) => message.severity === "error");
      if (errors.length > 0) cards++;
      for (const ruleId of new Set(errors.map((message) => message.ruleId))) {
        cardsWithErrors.set(ruleId, (cardsWithErrors.get(ruleId) ?? 0) + 1);
        if (!hubRejectionRules.has(ruleId)) notHubRejections.push(`${file}: ${ruleId}`);
      }
    }
    expect(notHubRejections).toEqual([]);
    // Cards with an error, per rule (a card may count under several rules).
    expect(Object.fromEntries([...cardsWithErrors].sort(([a], [b]) => (a < b ? -1 : 1)))).toEqual(
      EXPECTED_CARDS_WITH_ERRORS,
    );
    expect(cards).toBe(EXPECTED_CARDS);
    expect(cards).toBeLessThanOrEqual(200);
  });

  it("gives the T0 card (a quoted string continued at column 0, which the Hub reads) no error and few messages", () => {
    const messages = lintedCorpus().get("01315.md") ?? [];
    expect(messages.map((message) => [message.ruleId, message.severity, message.line])).toEqual([
      ["required-fields", "warning", 2],
      ["strict-yaml", "warning", 9],
    ]);
  });

  it("says why on every card that huggingface_hub fails to read: an error, or a warning where the Hub reads it", () => {
    const failing = oracle.filter((line) => line.error !== null);
    expect(failing.length).toBeGreaterThan(100);
    const missed = failing.filter(
      (line) =>
        // required-fields fires on most cards; the message must come from a rule that sees what broke the reading.
        !(lintedCorpus().get(line.file) ?? []).some(
          (message) =>
            (message.severity === "error" && message.ruleId !== "required-fields") ||
            message.ruleId === "tab-indentation",
        ),
    );
    expect(missed.map((line) => `${line.file}: ${line.error?.slice(0, 80)}`)).toEqual([]);
  });

  it("reports each model-index the card reader rejects at the same path, through model-index-schema", () => {
    let checked = 0;
    for (const [file, text] of texts) {
      const problem = ModelCard.parse(text).problems.find((found) => found.code === "invalid-model-index");
      if (!problem) continue;
      checked++;
      const path = problem.message.slice(0, problem.message.indexOf(": "));
      const messages = lintText(text).filter((message) => message.ruleId === "model-index-schema");
      expect(
        messages.some((message) => message.message.includes(`"${path}"`)),
        `${file}: ${problem.message}`,
      ).toBe(true);
    }
    expect(checked).toBeGreaterThan(50);
    expect(formatPath(["model-index", 0, "results"])).toBe("model-index[0].results");
  });
});
