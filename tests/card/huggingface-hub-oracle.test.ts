import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { readOracle } from "../support/oracle.js";
import { CORPUS } from "../support/shared.js";

/**
 * Cards that huggingface_hub (PyYAML, YAML 1.1) reads differently from this library (YAML 1.2), each with the
 * reason. The test fails when a card leaves or joins this list.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  "00473.md": "YAML 1.1 reads no differently",
  "01103.md": "YAML 1.1 reads no differently",
  "01315.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "01421.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "01465.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "01629.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "01688.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "01811.md": "YAML 1.1 reads no differently",
  "01860.md": "YAML 1.1 reads Yes, No differently",
  "01874.md": "YAML 1.1 reads 24_700_000 differently",
  "01889.md": "YAML 1.1 reads no differently",
  "02104.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "02105.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "03161.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "03201.md": "YAML 1.1 reads no differently",
  "03287.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "03319.md": "YAML 1.1 reads no differently",
  "03408.md": "YAML 1.1 reads no differently",
  "03495.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "03606.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "03922.md":
    "a literal block scalar (|) ends the block without a line break: YAML 1.2 (eemeli/yaml) keeps a final newline, PyYAML does not",
  "03929.md": "YAML 1.1 reads no differently",
  "03967.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "04070.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "04071.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "04109.md": "YAML 1.1 reads no differently",
  "04146.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "04147.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "04214.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "04279.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
  "04427.md":
    "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)",
};

/** The oracle's JSON: NaN and infinities as PyYAML spells them. */
function asOracleJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_, item) => {
      if (typeof item !== "number" || Number.isFinite(item)) return item;
      if (Number.isNaN(item)) return ".nan";
      return item > 0 ? ".inf" : "-.inf";
    }),
  );
}

/** What the comparison ignores: model-index (compared as eval results), top-level nulls, tag de-duplication. */
function comparable(data: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === "model-index" || value === null) continue;
    // huggingface_hub de-duplicates tags by iterating them, which splits a string into its characters.
    kept[key] = key === "tags" && (Array.isArray(value) || typeof value === "string") ? [...new Set(value)] : value;
  }
  return kept;
}

function setIn(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: unknown = target;
  for (const part of path.slice(0, -1)) node = (node as Record<string | number, unknown>)?.[part];
  const last = path[path.length - 1];
  if (node && typeof node === "object" && last !== undefined) (node as Record<string | number, unknown>)[last] = value;
}

/** The metadata as PyYAML would build it: our reading with every cross-reader difference applied. */
function asYaml11(card: ModelCard): Record<string, unknown> {
  const view = structuredClone(card.metadata);
  for (const difference of card.crossReaderDifferences) {
    if (!difference.isKey) setIn(view, difference.path, difference.yaml11);
  }
  return view;
}

function snakeCase(results: ModelCard["evalResults"]): unknown {
  return (
    results?.map((result) =>
      Object.fromEntries(
        Object.entries(result).map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
      ),
    ) ?? null
  );
}

describe("differential test against huggingface_hub's reading of the corpus", () => {
  const rows = readOracle();
  const found: Record<string, string> = {};
  let sameMetadata = 0;
  let sameEvalResults = 0;
  let oracleErrors = 0;

  for (const row of rows) {
    const card = ModelCard.parse(readFileSync(`${CORPUS}${row.file}`, "utf8"));
    if (row.error) {
      oracleErrors++;
      if (!card.problems.some((problem) => problem.severity === "error"))
        found[row.file] = `no error problem, huggingface_hub: ${row.error.split("\n")[0]}`;
      continue;
    }
    const theirs = comparable(row.data);
    const syntaxError = card.problems.find((problem) => problem.code === "yaml-syntax" && problem.severity === "error");
    if (isDeepStrictEqual(asOracleJson(comparable(card.metadata)), theirs)) sameMetadata++;
    else if (isDeepStrictEqual(asOracleJson(comparable(asYaml11(card))), theirs)) {
      const sources = [...new Set(card.crossReaderDifferences.map((difference) => difference.source))];
      found[row.file] = `YAML 1.1 reads ${sources.join(", ")} differently`;
    } else if (syntaxError) {
      found[row.file] = syntaxError.message.startsWith("Missing closing")
        ? "a multi-line double-quoted string continues at column 0: PyYAML accepts it, YAML 1.2 requires indentation (a yaml-syntax problem here)"
        : `PyYAML accepts what YAML 1.2 rejects (line ${syntaxError.line}: ${syntaxError.message})`;
    } else {
      const literalAtEnd = /\|[-+]?\s*\n(?:[ \t]+.*\n?)+$/.test(card.frontMatter);
      found[row.file] = literalAtEnd
        ? "a literal block scalar (|) ends the block without a line break: YAML 1.2 (eemeli/yaml) keeps a final newline, PyYAML does not"
        : "metadata differs";
    }
    if (isDeepStrictEqual(asOracleJson(snakeCase(card.evalResults)), row.eval_results)) sameEvalResults++;
    else found[row.file] ??= "evaluation results differ";
  }

  it("reads every card as huggingface_hub does, except the listed cards", () => {
    expect(found).toEqual(KNOWN_DIFFERENCES);
  });

  it("agrees on almost all of the corpus", () => {
    console.info(
      `oracle: ${rows.length} cards, ${oracleErrors} rejected by huggingface_hub (all with an error problem here), metadata equal on ${sameMetadata}, eval results equal on ${sameEvalResults}, ${Object.keys(found).length} listed differences`,
    );
    expect(sameMetadata + Object.keys(KNOWN_DIFFERENCES).length + oracleErrors).toBeGreaterThanOrEqual(rows.length);
  });
});
