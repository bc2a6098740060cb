import fc from "fast-check";
import { dump } from "js-yaml";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { findNestingPast, MAX_NESTING_DEPTH } from "./find-nesting-past.js";
import { ModelCard } from "./model-card.js";

const flow = (levels: number) => `tags: ${"[".repeat(levels)}${"]".repeat(levels)}\n`;
const compact = (levels: number) => `tags:\n${"- ".repeat(levels)}x\n`;
const indented = (levels: number) => {
  let text = "";
  for (let level = 0; level < levels; level++) text += `${" ".repeat(level)}k:\n`;
  return `${text}${" ".repeat(levels)}v\n`;
};

/** Collections on the deepest path of a value: the root mapping is level 1. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (value !== null && typeof value === "object") return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

describe("findNestingPast", () => {
  it("points at the first collection past the limit, in flow and block style", () => {
    // The root mapping is level 1, so the limit's last level is bracket number MAX_NESTING_DEPTH - 1.
    expect(findNestingPast(flow(MAX_NESTING_DEPTH - 1))).toBeNull();
    expect(findNestingPast(flow(MAX_NESTING_DEPTH))).toBe("tags: ".length + MAX_NESTING_DEPTH - 1);
    expect(findNestingPast(flow(50_000))).toBe("tags: ".length + MAX_NESTING_DEPTH - 1);
    expect(findNestingPast(compact(MAX_NESTING_DEPTH - 1))).toBeNull();
    expect(findNestingPast(compact(5000))).toBe("tags:\n".length + 2 * (MAX_NESTING_DEPTH - 1));
    expect(findNestingPast(indented(MAX_NESTING_DEPTH))).toBeNull();
    const deep = indented(MAX_NESTING_DEPTH + 1);
    expect(findNestingPast(deep)).toBe(deep.indexOf(`\n${" ".repeat(MAX_NESTING_DEPTH)}k:`) + 1 + MAX_NESTING_DEPTH);
  });

  it("is not fooled by brackets inside quoted strings", () => {
    const text = `a: ${'["]", '.repeat(1200)}${"]".repeat(1200)}\n`;
    expect(findNestingPast(text)).toBe("a: ".length + '["]", '.length * (MAX_NESTING_DEPTH - 1));
  });

  it("finds the depth of any data, however it is written (js-yaml and yaml, flow and block)", () => {
    // Keys and strings without flow indicators: js-yaml's dump writes `(:{` plain inside `[...]`, a text that
    // neither js-yaml (missed comma) nor `yaml` reads back as the data, so its depth is no measure of the data's.
    const leaf = fc.oneof(fc.integer(), fc.stringMatching(/^[a-z0-9 ._-]{0,3}$/), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("tree"), { maxLength: 3 }),
        fc.dictionary(fc.stringMatching(/^[a-z0-9 ._-]{1,3}$/), tie("tree"), { maxKeys: 3 }),
      ),
    }));
    const data = fc.dictionary(fc.stringMatching(/^[a-z0-9 ._-]{1,3}$/), tree, { minKeys: 1, maxKeys: 3 });
    fc.assert(
      fc.property(data, fc.integer({ min: -1, max: 4 }), fc.boolean(), (value, flowLevel, useYaml) => {
        const text = useYaml
          ? stringify(value, { collectionStyle: flowLevel < 0 ? "any" : flowLevel % 2 ? "flow" : "block" })
          : dump(value, { flowLevel });
        const depth = depthOf(value);
        expect(findNestingPast(text, depth)).toBeNull();
        if (depth > 1) expect(findNestingPast(text, depth - 1)).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe("a card nested past the limit", () => {
  it("is one error at that position, with no metadata, and refuses edits", () => {
    const text = `---\nlicense: mit\n${flow(5000)}---\n# Body\n`;
    const card = ModelCard.parse(text);
    expect(card.problems).toEqual([
      {
        code: "nesting-limit",
        severity: "error",
        message: `Collections nest more than ${MAX_NESTING_DEPTH} levels deep here; the Hub's reader (js-yaml) cannot be relied on to read this front matter (its stack runs out past 1,000 levels or so, PyYAML's near 490). Flatten the data.`,
        line: 3,
        column: "tags: ".length + MAX_NESTING_DEPTH,
      },
    ]);
    expect(card.hubReadable).toBe(false);
    expect(card.metadata).toEqual({});
    expect(card.document).toBeNull();
    expect(card.toString()).toBe(text);
    expect(() => card.set("license", "apache-2.0")).toThrow(/cannot edit this card: Collections nest more than/);
  });
});
