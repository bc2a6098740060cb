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

  it("duplicate keys: a problem, and the last value wins as in PyYAML", () => {
    const card = ModelCard.parse("---\nlicense: mit\nlicense: apache-2.0\n---\n");
    expect(card.problems).toMatchObject([{ code: "duplicate-key", line: 3, column: 1 }]);
    expect(card.metadata).toEqual({ license: "apache-2.0" });
  });

  it("tabs as indentation and tabs PyYAML cannot read", () => {
    expect(codes("---\na:\n\tb: 1\n---\n")).toContain("tab-indentation");
    const trailing = ModelCard.parse("---\nsplit: validation\t\n---\n");
    expect(trailing.problems).toMatchObject([{ code: "tab-character", severity: "error", line: 2, column: 18 }]);
    expect(codes('---\na: "x\ty"\n---\n')).toEqual([]);
  });

  it("non-string keys", () => {
    expect(ModelCard.parse("---\n1: x\n---\n").problems).toMatchObject([
      { code: "non-string-key", severity: "error", line: 2 },
    ]);
    expect(ModelCard.parse("---\na:\n  true: x\n---\n").problems).toMatchObject([
      { code: "non-string-key", severity: "warning" },
    ]);
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
