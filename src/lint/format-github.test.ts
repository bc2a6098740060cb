import { describe, expect, it } from "vitest";
import { fileResult } from "./file-result.js";
import { formatGithubFile } from "./format-github.js";
import { formatGithubSummary } from "./format-github-summary.js";
import { LintTotals } from "./lint-totals.js";

describe("formatGithubFile", () => {
  it("prints one workflow command per message, with its position range and the rule as title", () => {
    const result = fileResult("models/a/README.md", [
      {
        ruleId: "license",
        severity: "error",
        message: 'License "x" is not known',
        line: 3,
        column: 10,
        endLine: 3,
        endColumn: 13,
      },
      {
        ruleId: "required-fields",
        severity: "warning",
        message: "Required field `license` is missing",
        line: 2,
        column: 1,
      },
    ]);
    expect(formatGithubFile(result)).toBe(
      '::error file=models/a/README.md,line=3,col=10,endLine=3,endColumn=13,title=license::License "x" is not known\n' +
        "::warning file=models/a/README.md,line=2,col=1,title=required-fields::Required field `license` is missing\n",
    );
  });

  it("escapes as GitHub's toolkit does: %, CR and LF everywhere, and : and , in properties", () => {
    const result = fileResult("a,b:c%.md", [
      {
        ruleId: "team/x,y:z",
        severity: "error",
        message: "50% done\r\n::warning::injected, ok: yes",
        line: 1,
        column: 1,
      },
    ]);
    expect(formatGithubFile(result)).toBe(
      "::error file=a%2Cb%3Ac%25.md,line=1,col=1,title=team/x%2Cy%3Az::50%25 done%0D%0A::warning::injected, ok: yes\n",
    );
    expect(formatGithubFile(result).split("\n")).toHaveLength(2);
  });
});

describe("formatGithubSummary", () => {
  const totals = (errors: number, warnings: number) => {
    const sum = new LintTotals();
    const messages = [
      ...Array.from({ length: errors }, () => ({
        ruleId: "r",
        severity: "error" as const,
        message: "m",
        line: 1,
        column: 1,
      })),
      ...Array.from({ length: warnings }, () => ({
        ruleId: "r",
        severity: "warning" as const,
        message: "m",
        line: 1,
        column: 1,
      })),
    ];
    sum.add(fileResult("README.md", messages));
    return sum;
  };

  it("says what was found, and that GitHub shows only 10 annotations of a kind when more were printed", () => {
    expect(formatGithubSummary(new LintTotals())).toBe("modelcard lint: 0 cards checked, no problems.\n");
    expect(formatGithubSummary(totals(10, 10))).toBe(
      "modelcard lint: 20 problems (10 errors, 10 warnings) in 1 card checked, 1 with errors.\n",
    );
    expect(formatGithubSummary(totals(0, 11))).toBe(
      "modelcard lint: 11 problems (0 errors, 11 warnings) in 1 card checked, 0 with errors. GitHub shows at most 10 error and 10 warning annotations per step: every message is in this log (upload SARIF for the full list in code scanning).\n",
    );
  });
});
