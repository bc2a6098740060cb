import { describe, expect, it } from "vitest";
import { fileResult } from "./file-result.js";
import { formatPrettyFile, MAX_MESSAGES_PER_CARD, MAX_MESSAGES_PER_RULE } from "./format-pretty.js";
import type { LintMessage } from "./types.js";

const warning = (ruleId: string, line: number, column = 1): LintMessage => ({
  ruleId,
  severity: "warning",
  message: `finding of ${ruleId}`,
  line,
  column,
});

describe("formatPrettyFile", () => {
  it("shows at most MAX_MESSAGES_PER_RULE of one rule and says how many more there are", () => {
    const text = Array.from({ length: 100_001 }, (_, index) => `k${index}:\tv`).join("\n");
    const messages = Array.from({ length: 100_000 }, (_, index) => warning("tab-indentation", index + 1, 3));
    const output = formatPrettyFile(fileResult("README.md", [warning("license", 1), ...messages]), {
      color: false,
      text,
    });
    expect(output.match(/warning {2}finding of tab-indentation/g)).toHaveLength(MAX_MESSAGES_PER_RULE);
    expect(output).toContain("finding of license");
    expect(output).toContain(
      "  … 99,980 more tab-indentation messages in this card, not shown (--format json lists every message)\n",
    );
    expect(output.length).toBeLessThan(10_000);
  });

  it("shows at most MAX_MESSAGES_PER_CARD in all, counting the rest per rule", () => {
    const rules = Array.from({ length: 8 }, (_, index) => `rule-${index}`);
    const messages = rules.flatMap((ruleId) => Array.from({ length: 15 }, (_, line) => warning(ruleId, line + 1)));
    const output = formatPrettyFile(fileResult("README.md", messages), { color: false });
    expect(output.match(/ {2}warning {2}/g)).toHaveLength(MAX_MESSAGES_PER_CARD);
    expect(output).toContain("… 5 more rule-6 messages in this card");
    expect(output).toContain("… 15 more rule-7 messages in this card");
  });

  it("cuts a long line around the column, keeping the marker under it, with the file's line numbers", () => {
    const long = `description: ${"a".repeat(500_000)}X${"b".repeat(500_000)}`;
    const text = `---\nlicense: mit\n${long}\n---\n`;
    const column = long.indexOf("X") + 1;
    const output = formatPrettyFile(
      fileResult("README.md", [{ ...warning("x", 3, column), endLine: 3, endColumn: column + 1 }]),
      {
        color: false,
        text,
      },
    );
    const lines = output.split("\n");
    const marked = lines.find((line) => line.startsWith("    > 3 | "));
    const marker = lines[lines.indexOf(marked as string) + 1] as string;
    expect(marked?.length).toBeLessThan(200);
    expect(marked?.charAt(marker.indexOf("^"))).toBe("X");
    expect(marked).toMatch(/^ {4}> 3 \| …a+Xb+…$/);
    // Lines around it are cut at the same place, so that the columns stay aligned.
    expect(lines).toContain("      2 | …");
  });

  it("shows control characters of the card, the message and the path as symbols, never raw", () => {
    const text = "---\ntitle: \x1b[31mred\x07\u0085\n---\n";
    const result = fileResult("evil\x1b]0;x\x07.md", [{ ...warning("yaml-syntax", 2, 8), message: "bad \x1b[2J" }]);
    const output = formatPrettyFile(result, { color: false, text });
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(output).toContain("evil␛]0;x␇.md");
    expect(output).toContain("bad ␛[2J");
    expect(output).toContain("> 2 | title: ␛[31mred␇\uFFFD");
  });
});
