import { describe, expect, it } from "vitest";
import { lintText } from "../../src/lint/index.js";

const card = (yaml: string) =>
  `---\nlicense: mit\nlibrary_name: transformers\npipeline_tag: text-generation\n${yaml}\n---\n`;

describe("tab-indentation on tabs PyYAML cannot read", () => {
  it("warns of a tab after a value and between a colon and its value (the Hub reads them)", () => {
    const messages = lintText(card("split: validation\t\nname:\tx"), {}).filter(
      (message) => message.ruleId === "tab-indentation",
    );
    expect(messages.map(({ severity, line, column }) => ({ severity, line, column }))).toEqual([
      { severity: "warning", line: 5, column: 18 },
      { severity: "warning", line: 6, column: 6 },
    ]);
  });

  it("accepts a tab inside a quoted string", () => {
    expect(lintText(card('name: "a\tb"'), {}).filter((message) => message.ruleId === "tab-indentation")).toEqual([]);
  });
});
