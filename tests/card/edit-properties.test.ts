import { readFileSync } from "node:fs";
import { diffArrays } from "diff";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CardEditRefusedError, ModelCard } from "../../src/card/index.js";
import { CORPUS, corpusFiles } from "../support/shared.js";

/** Corpus cards that can be edited: a readable mapping block. */
const editable = corpusFiles()
  .filter((_, index) => index % 7 === 0)
  .map((file) => readFileSync(`${CORPUS}${file}`, "utf8"))
  .filter((text) => {
    const card = ModelCard.parse(text);
    return (
      card.hasFrontMatter &&
      !card.problems.some((problem) => problem.severity === "error") &&
      Object.keys(card.metadata).length > 0
    );
  });

/** Strings that YAML 1.1 and 1.2 readers are known to disagree on, plus arbitrary text. */
const trickyString = fc.oneof(
  fc.constantFrom(
    "no",
    "yes",
    "on",
    "off",
    "y",
    "n",
    "Yes",
    "NO",
    "5e-6",
    "010",
    "0o10",
    "2024-01-01",
    "1:30",
    "null",
    "~",
    "",
    "true",
    "1_000",
    ".5",
    "<<",
    "=",
    "# not a comment",
    "key: value",
    "- item",
    "multi\nline",
    " padded ",
  ),
  fc.string(),
);
const scalar = fc.oneof(
  trickyString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(5e-6, 1e-7, 0.1, 2.1, 1e21, 3),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(
  fc.constantFrom("license", "tags", "language", "base_model", "datasets", "model-index", "new_key", "learning_rate"),
  fc.stringMatching(/^[a-z][a-z_]{0,12}$/),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { minLength: 1, maxLength: 4 }),
  map: fc.dictionary(fc.stringMatching(/^[a-zA-Z][\w-]{0,8}$/), tie("node"), { minKeys: 1, maxKeys: 3 }),
})).node;

/** Runs an edit; a refusal must leave the text exactly as it was (T0-style cards are refused where strict YAML breaks). */
function refused(card: ModelCard, edit: () => void): boolean {
  const text = card.toString();
  try {
    edit();
    return false;
  } catch (error) {
    if (!(error instanceof CardEditRefusedError)) throw error;
    expect(card.toString()).toBe(text);
    return true;
  }
}

/** The card's lines up to its body: fences, YAML and the blank lines between (which the split may give to either). */
function blockLines(card: ModelCard): string[] {
  const text = card.toString();
  return text.slice(0, text.length - card.body.length).split(/\r?\n/);
}

/** Lines of the card that a top-level key's pair covers (0-based, inclusive), or null when absent. */
function pairLines(card: ModelCard, name: string): [number, number] | null {
  const start = card.locateKey([name]);
  if (!start) return null;
  const end = card.locate([name]);
  return [start.line - 1, (end?.endLine ?? start.line) - 1];
}

/** How many blank lines follow line `from`. */
function blankRunAfter(lines: string[], from: number): number {
  let count = 0;
  while (lines[from + 1 + count]?.trim() === "") count++;
  return count;
}

/** Every line the edit removed lies in `before`'s range of the key, every line it added in `after`'s. */
function changesStayInside(
  beforeLines: string[],
  afterLines: string[],
  beforeRange: [number, number] | null,
  afterRange: [number, number] | null,
) {
  let oldLine = 0;
  let newLine = 0;
  for (const part of diffArrays(beforeLines, afterLines)) {
    for (let index = 0; index < part.count; index++) {
      if (part.removed) {
        expect(beforeRange, `removed line ${oldLine}: ${beforeLines[oldLine]}`).not.toBeNull();
        expect(oldLine).toBeGreaterThanOrEqual(beforeRange![0]);
        // Blank lines are alike: of several after the pair, the diff may name any as the one removed.
        expect(oldLine).toBeLessThanOrEqual(beforeRange![1] + 1 + blankRunAfter(beforeLines, beforeRange![1] + 1));
        oldLine++;
      } else if (part.added) {
        expect(afterRange, `added line ${newLine}: ${afterLines[newLine]}`).not.toBeNull();
        expect(newLine).toBeGreaterThanOrEqual(afterRange![0] - 1);
        expect(newLine).toBeLessThanOrEqual(afterRange![1] + 1);
        newLine++;
      } else {
        oldLine++;
        newLine++;
      }
    }
  }
}

describe("edits on real cards touch only the edited key's lines", () => {
  it("has cards to edit", () => {
    expect(editable.length).toBeGreaterThan(400);
  });

  it("set(key, value)", () => {
    fc.assert(
      fc.property(fc.nat(editable.length - 1), key, value, (index, name, newValue) => {
        const text = editable[index]!;
        const card = ModelCard.parse(text);
        const before = {
          lines: blockLines(card),
          range: pairLines(card, name),
          metadata: card.metadata,
          body: card.body,
        };
        if (refused(card, () => card.set(name, newValue))) return;

        expect(
          card.problems.filter((problem) => problem.severity === "error" && problem.code !== "invalid-model-index"),
        ).toEqual([]);
        expect(card.metadata[name]).toEqual(newValue);
        // YAML 1.1 readers (huggingface_hub) read the new value the same way.
        expect(card.crossReaderDifferences.filter((difference) => difference.path[0] === name)).toEqual([]);
        const { [name]: _old, ...othersBefore } = before.metadata;
        const { [name]: _new, ...othersAfter } = card.metadata;
        expect(othersAfter).toEqual(othersBefore);
        expect(card.body).toBe(before.body);
        changesStayInside(before.lines, blockLines(card), before.range, pairLines(card, name));
      }),
      { numRuns: 300 },
    );
  });

  it("delete(key)", () => {
    fc.assert(
      fc.property(fc.nat(editable.length - 1), fc.nat(), (index, pick) => {
        const card = ModelCard.parse(editable[index]!);
        const keys = Object.keys(card.metadata);
        const name = keys[pick % keys.length]!;
        const before = { lines: blockLines(card), range: pairLines(card, name), metadata: card.metadata };
        if (refused(card, () => card.delete(name))) return;
        expect(Object.hasOwn(card.metadata, name)).toBe(false);
        const { [name]: _gone, ...others } = before.metadata;
        expect(card.metadata).toEqual(others);
        // The last key leaves `{}` on its line: an empty mapping, which the Hub still reads as metadata.
        changesStayInside(before.lines, blockLines(card), before.range, keys.length === 1 ? before.range : null);
      }),
      { numRuns: 200 },
    );
  });

  it("deleting an absent key leaves the text as it was", () => {
    for (const text of editable.slice(0, 100)) {
      const card = ModelCard.parse(text);
      card.delete("no_such_key_here");
      expect(card.toString()).toBe(text);
    }
  });
});
