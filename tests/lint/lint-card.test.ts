import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { LintConfigError, lintCard, lintText } from "../../src/lint/index.js";

const GOOD = "---\nlicense: apache-2.0\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n# Model\n";

describe("lintCard", () => {
  it("finds nothing wrong in a complete card", () => {
    expect(lintCard(ModelCard.parse(GOOD))).toEqual([]);
  });

  it("warns of missing recommended fields in one message, with its rule id, severity and position", () => {
    const messages = lintText("---\nlicense: mit\n---\n");
    expect(messages).toEqual([
      {
        ruleId: "required-fields",
        severity: "warning",
        message:
          "Required fields `library_name`, `pipeline_tag` are missing; add `library_name: <value>`, `pipeline_tag: <value>` to the front matter.",
        line: 2,
        column: 1,
      },
    ]);
  });

  it("raises the seed's fields to errors with requiredFields: seed, and every finding with the strict preset", () => {
    const text =
      "---\nlicense: mit\nlibrary_name: transformers\npipeline_tag: text-generation\nlanguage: english\n---\n";
    expect(lintText(text).map((m) => [m.ruleId, m.severity])).toEqual([["language", "warning"]]);
    const seed = lintText(text, { config: { requiredFields: "seed" } });
    expect(seed.map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      [
        "required-fields",
        "error",
        "Required fields `tags`, `base_model` are missing; add `tags: <value>`, `base_model: <value>` to the front matter.",
      ],
      ["language", "warning", 'Language "english" is not an ISO 639 code; use "en". Expected: en; Actual: english.'],
    ]);
    const strict = lintText(text, { config: { preset: "strict" } });
    expect(strict.map((m) => [m.ruleId, m.severity])).toEqual([
      ["required-fields", "error"],
      ["language", "error"],
    ]);
    const relaxed = lintText(text, { config: { preset: "strict", rules: { language: "warn" } } });
    expect(relaxed.map((m) => m.severity)).toEqual(["error", "warning"]);
    expect(() => lintText(text, { config: { preset: "lenient" as "strict" } })).toThrow(
      'preset "lenient" is unknown; use recommended or strict.',
    );
  });

  it("turns a rule off, changes a severity and sets required fields from the configuration", () => {
    const text = "---\nlicense: nope\n---\n";
    const config = { rules: { license: "warn" as const }, requiredFields: ["license"] };
    expect(lintText(text, { config }).map((m) => [m.ruleId, m.severity])).toEqual([["license", "warning"]]);
    expect(lintText(text, { config: { rules: { license: "off", "required-fields": "off" } } })).toEqual([]);
  });

  it("rejects an unknown rule id and a bad option", () => {
    expect(() => lintText(GOOD, { config: { rules: { "no-such-rule": "error" } } })).toThrow(LintConfigError);
    expect(() =>
      lintText(GOOD, { config: { rules: { "perplexity-matches-loss": ["warn", { tolerance: 5 }] } } }),
    ).toThrow(/tolerance/);
  });
});

describe("a rule that throws", () => {
  it("becomes a fatal error message on that card instead of stopping the run", () => {
    const broken = {
      id: "team/broken",
      description: "A custom rule with a bug in it.",
      defaultSeverity: "warning" as const,
      fixable: false,
      check() {
        throw new Error("boom");
      },
    };
    const messages = lintText(GOOD, { config: { plugins: [broken] } });
    expect(messages).toEqual([
      {
        ruleId: "team/broken",
        severity: "error",
        message: 'Rule "team/broken" crashed on this card (boom); fix the rule or turn it off.',
        line: 1,
        column: 1,
        fatal: true,
      },
    ]);
  });
});

describe("lintFiles", () => {
  it("honours a configuration given as an object in worker threads", async () => {
    const { collectCardFiles, lintFiles } = await import("../../src/lint/index.js");
    const { CORPUS } = await import("../support/shared.js");
    const run = async (jobs: number) => {
      const seen: string[] = [];
      await lintFiles(collectCardFiles([CORPUS]), {
        config: { rules: { "required-fields": "off", license: "warn" } },
        jobs,
        onResult: (result) => {
          if (seen.length < 600) seen.push(JSON.stringify(result));
        },
      });
      return seen;
    };
    const threaded = await run(2);
    expect(threaded.join("\n")).not.toContain('"ruleId":"required-fields"');
    expect(threaded.join("\n")).toContain('"ruleId":"license","severity":"warning"');
    expect(threaded).toEqual(await run(1));
  });
});

describe("one root cause, one message", () => {
  it("a card the Hub cannot read gets the reader's error alone, not the metadata rules' echoes", () => {
    const messages = lintText("---\nlicense: mit\nlicense: apache-2.0\n---\n# Model\n");
    expect(messages).toEqual([
      {
        ruleId: "duplicate-key",
        severity: "error",
        message: "duplicated mapping key",
        line: 3,
        column: 1,
      },
    ]);
  });
});
