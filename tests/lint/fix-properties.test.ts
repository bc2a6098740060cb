import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/card/index.js";
import { BUILT_IN_RULES, fixText, type LintMessage, lintText } from "../../src/lint/index.js";

/**
 * Generated cards holding something for every fixable rule (a license, language, library or pipeline tag in the
 * wrong letter case, a quoted metric value, plain scalars PyYAML reads otherwise, a tab between tokens, a quoted
 * string continued at column 0), with anchors read by aliases elsewhere, comments, CRLF and Latin-1 bytes.
 */
interface Shape {
  license: { value: string; anchor: boolean; aliasInTags: boolean };
  language: { values: string[]; flow: boolean; anchorFirst: boolean; aliasList: boolean };
  libraryName: string | null;
  pipelineTag: string | null;
  crossReader: string[];
  tab: boolean;
  metric: { value: string; anchor: boolean } | null;
  continuation: boolean;
  comments: boolean;
  latin1: "none" | "value" | "body";
  crlf: boolean;
}

const shape: fc.Arbitrary<Shape> = fc.record({
  license: fc.record({
    value: fc.constantFrom("MIT", "Apache-2.0", "mit", "CC-BY-4.0"),
    anchor: fc.boolean(),
    aliasInTags: fc.boolean(),
  }),
  language: fc.record({
    values: fc.array(fc.constantFrom("EN", "Fr", "en", "DE", "en-US"), { minLength: 1, maxLength: 3 }),
    flow: fc.boolean(),
    anchorFirst: fc.boolean(),
    aliasList: fc.boolean(),
  }),
  libraryName: fc.option(fc.constantFrom("Transformers", "transformers", "PEFT")),
  pipelineTag: fc.option(fc.constantFrom("Text-Generation", "text-generation")),
  crossReader: fc.array(fc.constantFrom("no", "on", "5e-6", "010", "yes", "ok"), { maxLength: 3 }),
  tab: fc.boolean(),
  metric: fc.option(fc.record({ value: fc.constantFrom('"0.5"', "'97.0'", '"2"', "0.5"), anchor: fc.boolean() })),
  continuation: fc.boolean(),
  comments: fc.boolean(),
  latin1: fc.constantFrom("none" as const, "none" as const, "value" as const, "body" as const),
  crlf: fc.boolean(),
});

/** The card's bytes, and the paths whose values are read through an alias (a fix must never change them). */
function render(card: Shape): { bytes: Buffer; aliasPaths: (string | number)[][] } {
  const lines: string[] = [];
  const aliasPaths: (string | number)[][] = [];
  const comment = (text: string) => {
    if (card.comments) lines.push(`# ${text}`);
  };
  comment("licensing");
  lines.push(
    `license: ${card.license.anchor ? "&lic " : ""}${card.license.value}${card.comments ? "  # as given" : ""}`,
  );
  if (card.license.anchor && card.license.aliasInTags) {
    lines.push("tags: [*lic, demo]");
    aliasPaths.push(["tags", 0]);
  }
  const items = card.language.values.map((value, index) =>
    index === 0 && card.language.anchorFirst ? `&lang0 ${value}` : value,
  );
  const listAnchor = card.language.aliasList ? " &langs" : "";
  if (card.language.flow) lines.push(`language:${listAnchor} [${items.join(", ")}]`);
  else lines.push(`language:${listAnchor}`, ...items.map((item) => `- ${item}`));
  if (card.language.anchorFirst) {
    lines.push("first_language: *lang0");
    aliasPaths.push(["first_language"]);
  }
  if (card.language.aliasList) {
    lines.push("languages_again: *langs");
    aliasPaths.push(["languages_again"]);
  }
  comment("---- Section: library (kept) ----");
  if (card.libraryName) lines.push(`library_name: ${card.libraryName}`);
  if (card.pipelineTag) lines.push(`pipeline_tag: ${card.pipelineTag}`);
  for (const [index, value] of card.crossReader.entries()) lines.push(`flag${index}: ${value}`);
  if (card.tab) lines.push("split:\tvalidation");
  if (card.continuation) lines.push("widget:", '- text: "Translate to French:', 'I like tea."');
  if (card.latin1 === "value") lines.push("author: Ren@E9@");
  if (card.metric) {
    lines.push(
      "model-index:",
      "- name: m",
      "  results:",
      "  - task: {type: text-generation}",
      "    dataset: {type: d, name: D}",
      "    metrics:",
      `    - type: loss`,
      `      value: ${card.metric.anchor ? "&v " : ""}${card.metric.value}`,
    );
    if (card.metric.anchor) {
      lines.push("reported_loss: *v");
      aliasPaths.push(["reported_loss"]);
    }
  }
  const text = `---\n${lines.join("\n")}\n---\n# Model\n${card.latin1 === "body" ? "Caf@E9@\n" : ""}`;
  const withBreaks = card.crlf ? text.replaceAll("\n", "\r\n") : text;
  const [head = "", ...rest] = withBreaks.split("@E9@");
  const bytes = Buffer.concat([Buffer.from(head), ...rest.flatMap((part) => [Buffer.from([0xe9]), Buffer.from(part)])]);
  return { bytes, aliasPaths };
}

const hubReading = (text: string) => load(splitFrontMatter(text).yaml) as Record<string, unknown>;

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((value, part) => (value as Record<string | number, unknown> | undefined)?.[part], data);
}

/** Every leaf path where two readings differ. */
function differences(a: unknown, b: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (isDeepStrictEqual(a, b)) return [];
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) =>
      differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [
        ...path,
        Array.isArray(a) ? Number(key) : key,
      ]),
    );
  }
  return [path];
}

/** ESLint's way: the messages' `fix: {range, text}` applied to the text, in order. */
function applyEslintFixes(text: string, messages: readonly LintMessage[]): string {
  const fixes = messages
    .flatMap((message) => (message.fix ? [message.fix] : []))
    .sort((a, b) => a.range[0] - b.range[0]);
  let output = "";
  let cursor = 0;
  for (const { range, text: replacement } of fixes) {
    expect(range[0]).toBeGreaterThanOrEqual(cursor);
    output += text.slice(cursor, range[0]) + replacement;
    cursor = range[1];
  }
  return output + text.slice(cursor);
}

describe("lint --fix applies verified card edits or leaves the bytes", () => {
  it("over every fixable rule, with aliases, comments, CRLF and Latin-1 bytes", () => {
    const counts = { fixedCards: 0, refusedFixes: 0, latin1Cards: 0 };
    const rulesFixed = new Set<string>();
    fc.assert(
      fc.property(shape, (card) => {
        const { bytes, aliasPaths } = render(card);
        const input = bytes.toString("utf8");
        const messages = lintText(bytes);
        const fixable = messages.filter((message) => message.fix);
        for (const message of fixable) rulesFixed.add(message.ruleId);
        const { output, fixed } = fixText(bytes);
        // The summary's fixable count is exactly what --fix applies, and the JSON fixes are exactly its edits.
        expect(fixed).toBe(fixable.length);
        expect(output).toBe(applyEslintFixes(input, messages));
        counts.refusedFixes += messages.filter((message) => message.message.includes("(--fix leaves this:")).length;
        if (card.latin1 !== "none") {
          // Bytes that are not UTF-8: no fix at all, so nothing is written and E9 stays E9.
          counts.latin1Cards++;
          expect(fixed).toBe(0);
          expect(messages.some((message) => message.ruleId === "invalid-utf8")).toBe(true);
          return;
        }
        expect(output.includes("\uFFFD")).toBe(false);
        if (fixed > 0) counts.fixedCards++;
        const before = hubReading(input);
        const after = hubReading(output);
        // Values read through an alias never change; others change only as a fix means them to.
        for (const path of aliasPaths) expect(valueAt(after, path)).toEqual(valueAt(before, path));
        for (const path of differences(before, after)) {
          const [old, now] = [valueAt(before, path), valueAt(after, path)];
          if (typeof now === "number") expect(now).toBe(Number(old));
          else expect(String(now).toLowerCase()).toBe(String(old).toLowerCase());
        }
        // Fixed output lints clean of what was fixed, and offers nothing the first run did not.
        expect(lintText(output).filter((message) => message.fix)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // Every fixable rule had fixes applied.
    expect([...rulesFixed].sort()).toEqual(
      BUILT_IN_RULES.filter((rule) => rule.fixable)
        .map((rule) => rule.id)
        .sort(),
    );
    // The cases exercise fixes that apply, fixes that are refused (aliases), and Latin-1 cards.
    expect(counts.fixedCards).toBeGreaterThan(50);
    expect(counts.refusedFixes).toBeGreaterThan(10);
    expect(counts.latin1Cards).toBeGreaterThan(30);
  });

  it("the issue's case: an anchored license read by an alias is not fixed, and the message says why", () => {
    const text = "---\nlicense: &l MIT\ntags: [*l]\nlanguage: EN\n---\n";
    const license = lintText(text).find((message) => message.ruleId === "license");
    expect(license?.fix).toBeUndefined();
    expect(license?.message).toBe(
      'License "MIT" is not known; did you mean "mit"? Expected: mit; Actual: MIT. (--fix leaves this: cannot set license: the Hub would also read `tags[0]` differently, a value this edit must not change)',
    );
    const { output, fixed } = fixText(text);
    expect(fixed).toBe(1);
    expect(output).toBe(text.replace("language: EN", "language: en"));
  });
});
