import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { ModelCard } from "../../src/card/index.js";
import { cardSource } from "../../src/lint/card-source.js";
import { readFastSource } from "../../src/lint/read-fast-source.js";
import { runRules } from "../../src/lint/run-rules.js";

/** Both readers on one card: the fast one may decline, but when it reads it must agree with the full one. */
function expectSameReading(text: string): boolean {
  const fast = readFastSource(text);
  if (!fast) return false;
  const card = ModelCard.parse(text);
  expect(fast.metadata).toEqual(card.metadata);
  expect(fast.crossReaderDifferences).toEqual(card.crossReaderDifferences);
  expect(runRules(fast, undefined, undefined)).toEqual(runRules(cardSource(card), undefined, undefined));
  return true;
}

const scalar = fc.oneof(
  fc.constantFrom("no", "on", "yes", "5e-6", "010", "2024-01-01", "1:30", "~", "null", "True", "0x1F", "-.inf", ""),
  fc.string({ maxLength: 40 }),
  fc.lorem({ maxCount: 30 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.constantFrom("license", "language", "tags", "base_model", "datasets", "learning_rate", "widget", "x y");
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("node"), { maxKeys: 4 }),
})).node;

describe("readFastSource", () => {
  it.each([
    [
      "plain, quoted and flow values with comments",
      "---\n# top\nlicense: mit # ok\ntags: [a, 'b c', \"d\"]\nlanguage:\n  - en\n  - 'no'\n---\n",
    ],
    ["CRLF line endings", "---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\nbody\r\n"],
    ["a multi-line plain scalar", "---\nwidget:\n- text: one two\n    three four\n\n    five\npipeline_tag: x\n---\n"],
    ["multi-line quoted scalars with escapes", "---\na: \"x \\u00e9\n  y\\\n  z\"\nb: 'it''s\n\n  two'\n---\n"],
    ["folded and literal block scalars", "---\na: >-\n  one\n  two\n\n  three\nb: |\n  x\n    y\nc: 1\n---\n"],
    [
      "a model-index with nested lists",
      "---\nmodel-index:\n- name: m\n  results:\n  - task:\n      type: t\n    metrics:\n    - type: loss\n      value: '2.1'\n---\n",
    ],
    ["cross-reader scalars and keys", "---\non: yes\nlanguage: [no, en]\nlearning_rate: 5e-6\nversion: 010\n---\n"],
    [
      "folded block scalars with more-indented lines",
      "---\np: >-\n  Terms\n\n\n  1. Use\n      a. this\n      b. that\n    \n  end\n    more\nq: |\n  x\n   \n  y\nr: 1\n---\n",
    ],
    [
      "explicit keys, as PyYAML writes long ones",
      "---\nfields:\n  ? I agree to the terms\n    of the license\n  : checkbox\n  ? on\n  : yes\n  geo: ip\n---\n",
    ],
    ["quoted keys", "---\n\"a b\": 1\n'it''s': [x]\nmodel-index:\n- \"name\": m\n---\n"],
    ["no front matter", "# Just a README\n"],
  ])("reads %s exactly as the full reader does", (_, text) => {
    expect(expectSameReading(text)).toBe(true);
  });

  it.each([
    ["anchors and aliases", "---\na: &x 1\nb: *x\n---\n"],
    ["a flow mapping", "---\na: {b: 1}\n---\n"],
    ["a duplicate key", "---\na: 1\na: 2\n---\n"],
    ["a tab", "---\na:\n\t- b\n---\n"],
    ["bad indentation", "---\na: 1\n b: 2\n---\n"],
    ["a top-level list", "---\n- a\n---\n"],
    ["a quoted key with an escape", '---\n"a\\tb": 1\n---\n'],
    ["an unclosed quote", '---\na: "b\n---\n'],
  ])("leaves %s to the full reader", (_, text) => {
    expect(readFastSource(text)).toBeNull();
  });

  it("agrees with the full reader on generated front matter in every style it accepts", () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }),
        fc.record({
          indentSeq: fc.boolean(),
          lineWidth: fc.constantFrom(0, 20, 80),
          defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_FOLDED", "BLOCK_LITERAL"),
          crlf: fc.boolean(),
          keyType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE"),
        }),
        (metadata, style) => {
          const { crlf, keyType, ...options } = style;
          const yaml = stringify(metadata, { ...options, defaultKeyType: keyType } as never);
          const text = `---\n${yaml}---\n# Model\n`;
          if (expectSameReading(crlf ? text.replaceAll("\n", "\r\n") : text)) read++;
        },
      ),
      { numRuns: 400 },
    );
    expect(read).toBeGreaterThan(50);
  });
});
