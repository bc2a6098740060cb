import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { CORPUS, HUB_ORACLE } from "../support/shared.js";

interface HubOracleRow {
  file: string;
  hasFrontMatter: boolean;
  data: unknown;
  error: string | null;
}

/** The oracle's spelling of what js-yaml built: dates as `{"$date": iso}`, NaN and infinities as `{"$number"}`. */
function asOracleJson(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (typeof value === "number" && !Number.isFinite(value)) return { $number: String(value) };
  if (Array.isArray(value)) return value.map(asOracleJson);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asOracleJson(item)]));
  return value;
}

const rows = readFileSync(HUB_ORACLE, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as HubOracleRow);

describe("the card core reads the corpus as the Hub does (js-yaml 4)", () => {
  const cards = new Map(rows.map((row) => [row.file, ModelCard.parse(readFileSync(`${CORPUS}${row.file}`, "utf8"))]));
  const rejected = rows.filter((row) => row.hasFrontMatter && (row.error !== null || !isPlainMapping(row.data)));

  it("finds front matter where the Hub does, and the same metadata on every card the Hub reads", () => {
    const differences: string[] = [];
    for (const row of rows) {
      const card = cards.get(row.file) as ModelCard;
      if (card.hasFrontMatter !== row.hasFrontMatter) differences.push(`${row.file}: front matter`);
      else if (!rejected.includes(row) && row.hasFrontMatter) {
        // The Hub's reading of a missing block is "no metadata"; ours is {}.
        if (!isDeepStrictEqual(asOracleJson(card.metadata), row.data)) differences.push(`${row.file}: metadata`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("gives an error on each of the 7 cards the Hub rejects: 3 unreadable, 4 not a mapping", () => {
    expect(rejected.map((row) => row.file)).toEqual([
      "01899.md",
      "02949.md",
      "03112.md",
      "03396.md",
      "03907.md",
      "04094.md",
      "04156.md",
    ]);
    for (const row of rejected) {
      const card = cards.get(row.file) as ModelCard;
      const errors = card.problems.filter((problem) => problem.severity === "error");
      expect(errors, row.file).toHaveLength(1);
      expect(card.hubReadable, row.file).toBe(false);
      if (row.error) {
        // js-yaml's own words and position, e.g. "bad indentation of a mapping entry (1:15)".
        expect(errors[0]?.message, row.file).toBe(row.error);
      } else {
        expect(errors[0]?.code, row.file).toBe("not-a-mapping");
      }
    }
  });

  it("reports no error-level YAML problem on any card the Hub reads", () => {
    const wrong: string[] = [];
    for (const row of rows) {
      if (rejected.includes(row)) continue;
      const card = cards.get(row.file) as ModelCard;
      const errors = card.problems.filter(
        (problem) => problem.severity === "error" && problem.code !== "invalid-model-index",
      );
      if (errors.length > 0) wrong.push(`${row.file}: ${errors[0]?.code} ${errors[0]?.message}`);
    }
    expect(wrong).toEqual([]);
  });
});

function isPlainMapping(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
