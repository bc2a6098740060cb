import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixText } from "../../src/lint/fix-text.js";
import { BUILT_IN_RULES, lintText } from "../../src/lint/index.js";
import { EVAL_RESULTS_RULES } from "../../src/lint/rules/eval-results/index.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const DOCS = fileURLToPath(new URL("../../docs/rules/", import.meta.url));
// Bytes, as a file is linted: a fixture (or a page's example) may hold bytes that are not UTF-8 (invalid-utf8).
const read = (id: string, name: string) => readFileSync(`${FIXTURES}${id}/${name}.md`);

describe.each(BUILT_IN_RULES.map((rule) => [rule.id, rule] as const))("rule %s", (id, rule) => {
  it("reports its failing fixture, with a position in the card", () => {
    const messages = lintText(read(id, "fail")).filter((message) => message.ruleId === id);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.line).toBeGreaterThanOrEqual(1);
      expect(message.column).toBeGreaterThanOrEqual(1);
      expect(message.message).not.toBe("");
    }
  });

  it("finds nothing at all in its passing fixture", () => {
    expect(lintText(read(id, "pass"))).toEqual([]);
  });

  it("has documented examples that fail and pass as the page says", () => {
    // Latin-1 maps each byte to one character and back: the example's bytes, exactly as the page holds them.
    const page = readFileSync(`${DOCS}${id}.md`, "latin1");
    const example = (section: string) => {
      const match = new RegExp(`## ${section}\\n\\n(?:[^\\n]+\\n\\n)?\`\`\`markdown\\n([\\s\\S]*?)\`\`\``).exec(page);
      expect(match, `${id}.md: ${section}`).not.toBeNull();
      return Buffer.from(match?.[1] ?? "", "latin1");
    };
    expect(lintText(example("Failing example")).some((message) => message.ruleId === id)).toBe(true);
    expect(lintText(example("Passing example"))).toEqual([]);
  });

  it.runIf(rule.fixable)("fixes its failing fixture, and the fixed card lints clean of the fixed messages", () => {
    const text = read(id, "fail");
    const before = lintText(text);
    const fixable = before.filter((message) => message.ruleId === id && message.fix);
    expect(fixable.length).toBeGreaterThan(0);
    const { output, messages } = fixText(text);
    expect(output).not.toBe(text);
    // Linted again: the fixed problems are gone and nothing new appeared.
    expect(lintText(output)).toEqual(messages);
    expect(messages.filter((message) => message.fix)).toEqual([]);
    expect(messages.length).toBe(before.length - before.filter((message) => message.fix).length);
    // Only the lines the fixed messages span changed.
    const fixedLines = new Set(
      fixable.flatMap((message) =>
        Array.from(
          { length: (message.endLine ?? message.line) - message.line + 1 },
          (_, index) => message.line + index,
        ),
      ),
    );
    const [beforeLines, afterLines] = [text.toString("utf8").split("\n"), output.split("\n")];
    expect(afterLines.length).toBe(beforeLines.length);
    beforeLines.forEach((line, index) => {
      if (!fixedLines.has(index + 1)) expect(afterLines[index]).toBe(line);
    });
  });
});

describe("the rule registry", () => {
  it("has unique kebab-case ids and one shape for every rule", () => {
    const ids = BUILT_IN_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of BUILT_IN_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(["error", "warning"]).toContain(rule.defaultSeverity);
      expect(typeof rule.fixable).toBe("boolean");
      expect([undefined, "metadata", "reader"]).toContain(rule.reads);
      expect(typeof rule.check).toBe("function");
      if (rule.defaultOptions !== undefined) expect(rule.parseOptions).toBeTypeOf("function");
    }
  });

  it("is in step with docs/rules/ and the fixtures: one page and one fixture pair per rule, no others", () => {
    const ids = BUILT_IN_RULES.map((rule) => rule.id).sort();
    // The rules of .eval_results files have pages too (tests/lint/eval-results-rules.test.ts checks them).
    const evalResultsIds = EVAL_RESULTS_RULES.map((rule) => rule.id);
    const pages = readdirSync(DOCS)
      .filter((name) => name !== "README.md")
      .map((name) => name.replace(/\.md$/, ""))
      .filter((id) => !evalResultsIds.includes(id))
      .sort();
    expect(pages).toEqual(ids);
    expect(readdirSync(DOCS).filter((name) => name.startsWith("eval-results-")).length).toBe(evalResultsIds.length);
    const fixtureFolders = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(`${FIXTURES}${entry.name}/fail.md`))
      .map((entry) => entry.name)
      .sort();
    expect(fixtureFolders).toEqual(ids);
    const index = readFileSync(`${DOCS}README.md`, "utf8");
    for (const rule of BUILT_IN_RULES) {
      const page = readFileSync(`${DOCS}${rule.id}.md`, "utf8");
      expect(page.startsWith(`# ${rule.id}\n`)).toBe(true);
      expect(page).toContain(`Default severity: **${rule.defaultSeverity}**`);
      expect(page).toContain(`Fixable with \`--fix\`: **${rule.fixable ? "yes" : "no"}**`);
      // Errors by default only where the Hub rejects the card; the page says so (the corpus test checks the rest).
      if (rule.defaultSeverity === "error") expect(page, rule.id).toContain("- Hub rejection: **yes**");
      for (const section of ["## Why", "## Failing example", "## Passing example", "## Options"]) {
        expect(page).toContain(section);
      }
      expect(index).toContain(`[${rule.id}](${rule.id}.md)`);
    }
  });
});
