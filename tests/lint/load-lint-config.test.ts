import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LintConfigError, lintText, loadLintConfig } from "../../src/lint/index.js";

const CONFIGS = fileURLToPath(new URL("./fixtures/config/", import.meta.url));
const CARD = "---\nlicense: mit\nlibrary_name: Transformers\npipeline_tag: text-generation\n---\n";

describe("loadLintConfig", () => {
  it("reads YAML with severities, options, a required-fields preset and custom rules", async () => {
    const config = await loadLintConfig(`${CONFIGS}modelcard.config.yaml`);
    const messages = lintText(CARD, { config });
    const byRule = Object.fromEntries(messages.map((message) => [message.ruleId, message]));
    expect(byRule["library-name"]?.severity).toBe("error");
    expect(byRule["team/require-author"]).toMatchObject({
      severity: "error",
      message: "Add `maintainer` to the front matter.",
    });
    // The seed preset asks for language, tags and base_model as well.
    const required = messages.filter((message) => message.ruleId === "required-fields").map((m) => m.message);
    expect(required.join("\n")).toMatch(/`language`[\s\S]*`tags`[\s\S]*`base_model`/);
  });

  it("finds the nearest modelcard.config.* from a folder up", async () => {
    const config = await loadLintConfig(undefined, `${CONFIGS}`);
    expect(config.source).toBe(`${CONFIGS}modelcard.config.yaml`);
  });

  it.each([
    ["bad-rule.json", /unknown rule "no-such-rule"/],
    ["bad-option.json", /rules\.required-fields: preset "everything" is unknown/],
    ["bad-severity.json", /severity "fatal" is not one of off, warn, error/],
    ["missing.json", /cannot read the lint configuration \(no such file\)/],
  ])("rejects %s with a LintConfigError naming the file", async (name, message) => {
    const error = await loadLintConfig(`${CONFIGS}${name}`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LintConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(name);
  });
});
