import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { formatPath, ModelCard } from "../../src/card/index.js";
import { cardSource } from "../../src/lint/card-source.js";
import { lintText } from "../../src/lint/index.js";
import { readFastSource } from "../../src/lint/read-fast-source.js";
import { runRules } from "../../src/lint/run-rules.js";
import { CORPUS, corpusFiles, ORACLE } from "../support/shared.js";

interface OracleLine {
  file: string;
  error: string | null;
}

const files = corpusFiles();
const texts = new Map(files.map((file) => [file, readFileSync(`${CORPUS}${file}`, "utf8")]));
const oracle = readFileSync(ORACLE, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as OracleLine);

describe("linting the real corpus", () => {
  it("never crashes, and every message has a rule, a severity and a position inside the card", () => {
    for (const [file, text] of texts) {
      const lineCount = text.split("\n").length;
      for (const message of lintText(text)) {
        expect(["error", "warning"], file).toContain(message.severity);
        expect(message.line, file).toBeGreaterThanOrEqual(1);
        expect(message.line, file).toBeLessThanOrEqual(lineCount);
        expect(message.column, file).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("gives a message on every card that huggingface_hub fails to read (an error where the Hub fails too)", () => {
    const failing = oracle.filter((line) => line.error !== null);
    expect(failing.length).toBeGreaterThan(100);
    const missed = failing.filter(
      (
        line, // required-fields fires on most cards; the message must come from a rule that sees what broke the reading.
      ) => !lintText(texts.get(line.file) ?? "").some((message) => message.ruleId !== "required-fields"),
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

  it("reads most cards with the fast reader, with the same metadata and messages as the full reader", () => {
    let fast = 0;
    const differences: string[] = [];
    for (const [file, text] of texts) {
      const source = readFastSource(text);
      if (!source) continue;
      fast++;
      const card = ModelCard.parse(text);
      if (!isDeepStrictEqual(source.metadata, card.metadata)) differences.push(`${file}: metadata`);
      else if (
        !isDeepStrictEqual(runRules(source, undefined, undefined), runRules(cardSource(card), undefined, undefined))
      )
        differences.push(`${file}: messages`);
    }
    expect(differences).toEqual([]);
    expect(fast / texts.size).toBeGreaterThan(0.9);
  });
});
