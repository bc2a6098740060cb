import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARED } from "../../../tests/support/shared.js";
import { ModelCard } from "../model-card.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";
import { editCardText } from "./edit-card-text.js";

const FLOW = "---\n{license: mit, tags: [x], library_name: transformers}\n---\n# Model\n";

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CardEditRefusedError);
    return (error as Error).message;
  }
  throw new Error("the edit was not refused");
}

describe("the cases that used to destroy data", () => {
  it("unsets a key of a flow mapping, keeping the others", () => {
    expect(ModelCard.parse(FLOW).delete("tags").toString()).toBe(
      "---\n{license: mit, library_name: transformers}\n---\n# Model\n",
    );
    expect(ModelCard.parse(FLOW).delete("library_name").toString()).toBe(
      "---\n{license: mit, tags: [x]}\n---\n# Model\n",
    );
  });

  it("sets a key of a flow mapping in flow style", () => {
    const card = ModelCard.parse(FLOW).set("tags", ["a", "b"]).set("pipeline_tag", "text-generation");
    expect(card.toString()).toBe(
      "---\n{license: mit, tags: [a, b], library_name: transformers, pipeline_tag: text-generation}\n---\n# Model\n",
    );
  });

  it("refuses to delete or change an anchored value that an alias still uses, and says where", () => {
    const text = "---\nlicense: &a mit\nother: *a\n---\n";
    expect(refusal(() => ModelCard.parse(text).delete("license"))).toBe(
      "cannot delete license: its anchor &a is used by *a at line 3; change or remove that alias first",
    );
    expect(refusal(() => ModelCard.parse(text).set("license", "apache-2.0"))).toBe(
      "cannot set license: its anchor &a is used by *a at line 3; change or remove that alias first",
    );
    // The alias itself may go, and an anchor nobody uses may change.
    expect(ModelCard.parse(text).delete("other").toString()).toBe("---\nlicense: &a mit\n---\n");
    expect(ModelCard.parse("---\nlicense: &a mit\n---\n").set("license", "apache-2.0").toString()).toBe(
      "---\nlicense: apache-2.0\n---\n",
    );
  });

  it("writes new keys of an indented block at its indentation", () => {
    const card = ModelCard.parse("---\n license: mit\n tags:\n - x\n---\n").set("library_name", "transformers");
    expect(card.toString()).toBe("---\n license: mit\n tags:\n - x\n library_name: transformers\n---\n");
    expect(card.metadata).toEqual({ license: "mit", tags: ["x"], library_name: "transformers" });
  });

  it("adds keys before a `...` line, never a second document", () => {
    const card = ModelCard.parse("---\nlicense: mit\n...\n---\n").set("library_name", "transformers");
    expect(card.toString()).toBe("---\nlicense: mit\nlibrary_name: transformers\n...\n---\n");
  });

  it("keeps the byte order mark and CRLF line breaks", () => {
    const card = ModelCard.parse("\uFEFF---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\nbody\r\n");
    card
      .set("tags", ["x", "y"])
      .set("extra", { a: [1, 2] })
      .delete("license");
    expect(card.toString()).toBe(
      '\uFEFF---\r\ntags:\r\n- x\r\n- "y"\r\nextra:\r\n  a:\r\n  - 1\r\n  - 2\r\n---\r\nbody\r\n',
    );
  });

  it("replaces a value next to a comment in place", () => {
    expect(ModelCard.parse("---\nbase_model:   # fill me\n---\n").set("base_model", "org/base").toString()).toBe(
      "---\nbase_model: org/base   # fill me\n---\n",
    );
  });

  it("leaves an empty mapping when the last key goes, which the Hub still reads as metadata", () => {
    expect(ModelCard.parse("---\n# note\nlicense: mit\n---\n").delete("license").toString()).toBe(
      "---\n# note\n{}\n---\n",
    );
  });

  it("adds the first key to a block of comments", () => {
    expect(ModelCard.parse("---\n# only a comment\n---\n").set("license", "mit").toString()).toBe(
      "---\nlicense: mit\n# only a comment\n---\n",
    );
  });
});

describe("the edited node ends at its last line of content", () => {
  const deep = "---\nx:\n  a:\n    b: 1\n    # deep\n# about y\ny: 2\n---\n";
  const sections =
    "---\nlicense: mit\ntags:\n- name: a\n  # about a\n\n# ---- Section: datasets (owned by data team) ----\n\ndatasets:\n- org/ds\n---\n";

  it("keeps the comments after a value nested two levels deep when the value is set or deleted", () => {
    expect(ModelCard.parse(deep).set("x", 1).toString()).toBe("---\nx: 1\n    # deep\n# about y\ny: 2\n---\n");
    expect(ModelCard.parse(deep).delete("x").toString()).toBe("---\n    # deep\n# about y\ny: 2\n---\n");
    expect(
      ModelCard.parse(deep)
        .update({ x: { a: 2 } }, { overwrite: true })
        .toString(),
    ).toBe("---\nx:\n  a: 2\n    # deep\n# about y\ny: 2\n---\n");
  });

  it("keeps a section comment and the blank lines around it, which belong to the next key", () => {
    expect(ModelCard.parse(sections).set("tags", ["b"]).toString()).toBe(sections.replace("- name: a\n", "- b\n"));
    expect(ModelCard.parse(sections).delete("tags").toString()).toBe(sections.replace("tags:\n- name: a\n", ""));
  });

  it("quotes a multi-line string written before a comment indented past its key, which a block scalar would take in", () => {
    const card = ModelCard.parse(deep).set("x", "one\ntwo");
    expect(card.toString()).toBe('---\nx: "one\\ntwo"\n    # deep\n# about y\ny: 2\n---\n');
    expect(card.metadata.x).toBe("one\ntwo");
  });
});

describe("nested nodes", () => {
  const text = "---\nmodel-index:\n- name: m\n  results: []\n- name: n\n  results: []\n---\n";

  it("deletes the first key of a list item, moving the next one onto the dash's line", () => {
    expect(editCardText(text, { kind: "delete", path: ["model-index", 0, "name"] })).toBe(
      "---\nmodel-index:\n- results: []\n- name: n\n  results: []\n---\n",
    );
  });

  it("appends an item to a block list at its dash's column", () => {
    expect(editCardText(text, { kind: "append", path: ["model-index"], value: { name: "o", results: [] } })).toBe(
      "---\nmodel-index:\n- name: m\n  results: []\n- name: n\n  results: []\n- name: o\n  results: []\n---\n",
    );
  });
});

describe("cards the Hub reads but strict YAML 1.2 does not (the T0 card)", () => {
  const t0 = readFileSync(`${SHARED}corpus/real/01315.md`, "utf8");

  it("edits a node that is intact, and only that node", () => {
    const edited = editCardText(t0, { kind: "set", path: ["license"], value: "mit" });
    expect(edited).toBe(t0.replace("license: apache-2.0\n", "license: mit\n"));
  });

  it("refuses to edit the node a strict reader cannot read, with the reason", () => {
    expect(refusal(() => editCardText(t0, { kind: "delete", path: ["widget"] }))).toBe(
      'cannot delete widget: its YAML at line 9 is not strict YAML 1.2 (Missing closing "quote); the Hub reads it, but it cannot be edited safely: rewrite that node first',
    );
  });
});

describe("every edit is read back with the Hub's reader", () => {
  it("refuses to edit a card the Hub cannot read, naming js-yaml's reason and the line in the file", () => {
    expect(refusal(() => ModelCard.parse("---\nlicense: mit\nlicense: apache-2.0\n---\n").set("b", 1))).toBe(
      "cannot set b: the Hub cannot read this card's front matter (duplicated mapping key at line 3, column 1); fix it first",
    );
  });

  it("refuses to edit through an alias, which would change its anchor's other uses too", () => {
    const text = "---\nshared: &mi\n- name: m\n  results: []\nmodel-index: *mi\n---\n";
    const result = { taskType: "t", datasetType: "d", datasetName: "D", metricType: "acc", metricValue: 1 };
    expect(refusal(() => ModelCard.parse(text).addEvalResult(result, { modelName: "m" }))).toBe(
      "cannot add to model-index[0].results: model-index is an alias (*name); edit its anchor instead",
    );
  });

  it("refuses a front matter that is a list", () => {
    expect(refusal(() => ModelCard.parse("---\n- a\n---\n").set("b", 1))).toBe(
      "cannot set b: the front matter is not a mapping of keys to values",
    );
  });

  it("refuses a value the Hub would read differently, leaving the text unchanged", () => {
    const card = ModelCard.parse("---\nlicense: mit\n---\n");
    expect(refusal(() => card.set("when", new Map([["a", 1]])))).toBe(
      "cannot set when: the Hub would read back different metadata than intended",
    );
    expect(card.toString()).toBe("---\nlicense: mit\n---\n");
  });

  // The reader reports such bytes as an `invalid-utf8` problem, with their offset.
  it("refuses an edit on a card holding bytes that are not UTF-8", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "modelcard-utf8-")), "README.md");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from("---\nlicense: mit\nname: caf"), Buffer.from([0xe9, 0x0a]), Buffer.from("---\n")]),
    );
    const card = await ModelCard.load(file);
    expect(refusal(() => card.set("license", "apache-2.0"))).toBe(
      "cannot edit this card: byte 26 (0xe9) is not valid UTF-8, and an edit would write U+FFFD over it",
    );
  });
});
