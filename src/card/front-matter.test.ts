import { describe, expect, it } from "vitest";
import { ModelCard } from "./model-card.js";

const read = (text: string) => {
  const card = ModelCard.parse(text);
  return { card, metadata: card.metadata, body: card.body, has: card.hasFrontMatter };
};

describe("front-matter split (huggingface_hub's rules)", () => {
  it("reads a plain LF card", () => {
    const { metadata, body, has } = read("---\nlicense: mit\n---\n# Title\n");
    expect(has).toBe(true);
    expect(metadata).toEqual({ license: "mit" });
    expect(body).toBe("# Title\n");
  });

  it("reads CRLF and keeps the line ending", () => {
    const { card, metadata, body } = read("---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\nText\r\n");
    expect(metadata).toEqual({ license: "mit", tags: ["a"] });
    expect(body).toBe("Text\r\n");
    expect(card.lineEnding).toBe("crlf");
  });

  it("reports mixed line endings", () => {
    expect(read("---\r\na: 1\n---\nx\r\n").card.lineEnding).toBe("mixed");
  });

  it("allows leading whitespace before the fence", () => {
    expect(read("\n\n  \n---\na: 1\n---\nbody").metadata).toEqual({ a: 1 });
  });

  it("treats text before the fence as no metadata", () => {
    const { has, body } = read("intro\n---\na: 1\n---\n");
    expect(has).toBe(false);
    expect(body).toBe("intro\n---\na: 1\n---\n");
  });

  it("accepts trailing spaces and tabs on the closing fence and a file ending there", () => {
    expect(read("---\na: 1\n--- \t\nbody").metadata).toEqual({ a: 1 });
    const atEnd = read("---\na: 1\n---");
    expect(atEnd.metadata).toEqual({ a: 1 });
    expect(atEnd.body).toBe("");
  });

  it("does not close the block with ...", () => {
    expect(read("---\na: 1\n...\nb: 2\n---\n").has).toBe(true);
    expect(read("---\na: 1\n...\n").has).toBe(false);
  });

  it("sees no block in ---\\n---\\n but an empty one in ---\\n\\n---\\n", () => {
    expect(read("---\n---\nbody").has).toBe(false);
    const empty = read("---\n\n---\nbody");
    expect(empty.has).toBe(true);
    expect(empty.metadata).toEqual({});
    expect(empty.body).toBe("body");
  });

  it("closes at the first fence, so --- in the body's code blocks stays in the body", () => {
    const { metadata, body } = read("---\na: 1\n---\n```yaml\n---\nb: 2\n---\n```\n");
    expect(metadata).toEqual({ a: 1 });
    expect(body).toBe("```yaml\n---\nb: 2\n---\n```\n");
  });

  it("reads through a UTF-8 BOM and keeps it on output", () => {
    const text = "\uFEFF---\nlicense: mit\n---\nbody";
    const { card, metadata } = read(text);
    expect(metadata).toEqual({ license: "mit" });
    expect(card.toString()).toBe(text);
  });

  it("gives file lines for problems, after a leading blank and the opening fence", () => {
    const { card } = read("\n---\nok: 1\nbad: [\n---\n");
    expect(card.problems[0]).toMatchObject({ code: "yaml-syntax", severity: "error", line: 4 });
  });
});

describe("bad content never throws", () => {
  const codes = (text: string) => ModelCard.parse(text).problems.map((problem) => problem.code);

  it("invalid YAML", () => {
    expect(codes("---\na: [1, 2\nb: 'x\n---\n")).toContain("yaml-syntax");
    expect(ModelCard.parse("---\na: [1, 2\n---\n").metadata).toEqual({});
  });

  it("a list or a scalar block", () => {
    expect(codes("---\n- a\n- b\n---\n")).toEqual(["not-a-mapping"]);
    expect(codes("---\njust text\n---\n")).toEqual(["not-a-mapping"]);
  });

  it("duplicate keys: the Hub (js-yaml) rejects them, in its own words", () => {
    const card = ModelCard.parse("---\nlicense: mit\nlicense: apache-2.0\n---\n");
    expect(card.problems).toEqual([
      { code: "duplicate-key", severity: "error", message: "duplicated mapping key (2:1)", line: 3, column: 1 },
    ]);
    expect(card.metadata).toEqual({});
    expect(card.hubReadable).toBe(false);
  });

  it("tabs: an error where the Hub rejects them (indentation), a warning where only PyYAML does", () => {
    expect(ModelCard.parse("---\na:\n\tb: 1\n---\n").problems).toMatchObject([
      { code: "yaml-syntax", severity: "error", message: "tab characters must not be used in indentation (2:1)" },
    ]);
    const trailing = ModelCard.parse("---\nsplit: validation\t\n---\n");
    expect(trailing.problems).toMatchObject([
      { code: "tab-character", severity: "warning", line: 2, column: 18, fix: { range: [17, 18], text: " " } },
    ]);
    expect(trailing.metadata).toEqual({ split: "validation" });
    expect(codes('---\na: "x\ty"\n---\n')).toEqual([]);
  });

  it("keys PyYAML reads as numbers, booleans or null are strings to the Hub, and cross-reader differences", () => {
    const card = ModelCard.parse("---\n1: x\na:\n  true: y\n---\n");
    expect(card.problems).toEqual([]);
    expect(card.metadata).toEqual({ "1": "x", a: { true: "y" } });
    expect(card.crossReaderDifferences).toMatchObject([
      { path: [], isKey: true, source: "1", hub: "1", pyyaml: 1, pyyamlKind: "int", start: 0, end: 1 },
      { path: ["a"], isKey: true, source: "true", hub: "true", pyyaml: true, pyyamlKind: "bool" },
    ]);
  });

  it("an empty block is one the Hub rejects; a list or a scalar too, in the Hub's words", () => {
    expect(ModelCard.parse("---\n\n---\n").problems).toMatchObject([
      {
        code: "not-a-mapping",
        severity: "error",
        message: expect.stringContaining("The YAML metadata of your README.md is invalid."),
      },
    ]);
    expect(ModelCard.parse("---\n- a\n---\n").problems).toMatchObject([
      { code: "not-a-mapping", message: expect.stringContaining('"value" must be of type object') },
    ]);
  });

  it("a quoted string continued at column 0 (the T0 cards): read by the Hub, a warning with a checked repair", () => {
    const text = '---\nwidget:\n- text: "first line\nsecond line"\nlicense: mit\n---\n';
    const card = ModelCard.parse(text);
    expect(card.metadata).toEqual({ widget: [{ text: "first line second line" }], license: "mit" });
    expect(card.problems).toMatchObject([
      {
        code: "strict-yaml",
        severity: "warning",
        message:
          'The Hub reads this, but strict YAML 1.2 readers cannot: Missing closing "quote. Indent the continuation lines.',
        line: 3,
        column: 20,
        fix: { range: [28, 28], text: "    " },
      },
    ]);
  });

  it("bytes that are not UTF-8: a warning naming the first such byte", () => {
    const bytes = Buffer.concat([
      Buffer.from("---\nlicense: mit\nname: caf"),
      Buffer.from([0xe9]),
      Buffer.from("\n---\n"),
    ]);
    const card = ModelCard.fromBytes(bytes);
    expect(card.problems).toEqual([
      {
        code: "invalid-utf8",
        severity: "warning",
        message: "Byte 26 (0xe9) is not valid UTF-8; readers show U+FFFD there. Save the file as UTF-8.",
        line: 3,
        column: 10,
      },
    ]);
    expect(ModelCard.fromBytes(Buffer.from("---\nname: \uFFFD ok\n---\n")).problems).toEqual([]);
  });

  it("an alias bomb (billion laughs)", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [name, previous] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
      ["f", "e"],
      ["g", "f"],
    ]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const card = ModelCard.parse(`---\n${lines.join("\n")}\n---\n`);
    expect(card.problems.map((problem) => problem.code)).toEqual(["alias-limit"]);
    expect(card.metadata).toEqual({});
  });

  it("a huge block is reported, not parsed; a huge body is fine", () => {
    const huge = `---\nwidget:\n${"- text: lorem ipsum dolor sit amet\n".repeat(1_600_000)}---\nbody`;
    expect(huge.length).toBeGreaterThan(50_000_000);
    const card = ModelCard.parse(huge);
    expect(card.problems.map((problem) => problem.code)).toEqual(["block-too-large"]);
    expect(card.toString()).toBe(huge);
    const bigBody = ModelCard.parse(`---\na: 1\n---\n${"x".repeat(50_000_000)}`);
    expect(bigBody.metadata).toEqual({ a: 1 });
  });

  it("__proto__ and constructor keys stay plain data, with a warning", () => {
    const card = ModelCard.parse("---\n__proto__:\n  polluted: true\nconstructor: x\n---\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(card.metadata)).toBe(Object.prototype);
    expect(Object.hasOwn(card.metadata, "__proto__")).toBe(true);
    expect(card.problems.map((problem) => problem.code)).toEqual(["unsafe-key", "unsafe-key"]);
  });

  it("only API misuse throws", () => {
    expect(() => ModelCard.parse(undefined as unknown as string)).toThrow(TypeError);
  });
});
