import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { memoryIo } from "../support/memory-io.js";
import { SHARED } from "../support/shared.js";

const CARD = "---\n# keep me\nlicense: mit\ntags:\n- a\n---\n# Model\n";
let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "modelcard-cli-"));
  file = join(folder, "README.md");
  writeFileSync(file, CARD);
});

async function run(args: string[], stdin?: string) {
  const terminal = memoryIo({ stdin });
  const code = await cli(args, terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

describe("modelcard inspect", () => {
  it("prints the reading as JSON", async () => {
    const { code, stdout } = await run(["inspect", file, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      hasFrontMatter: true,
      lineEnding: "lf",
      metadata: { license: "mit", tags: ["a"] },
      modelName: null,
      evalResults: null,
      body: "# Model\n",
      problems: [],
    });
  });

  it("reads stdin with -, and exits 1 with the problems on stderr when the card has errors", async () => {
    const { code, stdout, stderr } = await run(["inspect", "-", "--json"], "---\na: 1\nb: [\n---\n");
    expect(code).toBe(1);
    // js-yaml's one root cause, in its own words and (in the library's reading) with its position in the block.
    expect(JSON.parse(stdout).problems).toMatchObject([
      {
        code: "yaml-syntax",
        severity: "error",
        message: "unexpected end of the stream within a flow collection (3:1)",
      },
    ]);
    // On a line that gives the file's position, js-yaml's position in the block is not shown a second time.
    expect(stderr).toMatch(/^-:3:5: error yaml-syntax: unexpected end of the stream within a flow collection$/m);
  });

  it("names a missing file and exits 2", async () => {
    const { code, stderr } = await run(["inspect", join(folder, "nope.md")]);
    expect(code).toBe(2);
    expect(stderr).toContain("nope.md: cannot read the card (no such file)");
  });

  it("rejects an unknown option with exit code 2", async () => {
    expect((await run(["inspect", file, "--jsn"])).code).toBe(2);
  });
});

describe("modelcard update", () => {
  it("sets, unsets and adds an evaluation result, touching only those lines", async () => {
    const { code } = await run([
      "update",
      file,
      "--set",
      "language=[en, fr]",
      "--set",
      "learning_rate=5e-6",
      "--unset",
      "tags",
      "--add-eval",
      "taskType=text-generation,datasetType=org/ds,datasetName=DS,metricType=loss,metricName=Validation Loss,metricValue=2.3",
      "--model-name",
      "my-model",
    ]);
    expect(code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(
      "---\n# keep me\nlicense: mit\nlanguage:\n- en\n- fr\nlearning_rate: 0.000005\nmodel-index:\n- name: my-model\n  results:\n  - task:\n      type: text-generation\n    dataset:\n      name: DS\n      type: org/ds\n    metrics:\n    - name: Validation Loss\n      type: loss\n      value: 2.3\n---\n# Model\n",
    );
    expect(readdirSync(folder)).toEqual(["README.md"]);
  });

  it("refuses a model-index whose metric has no number (exit 1), writing nothing", async () => {
    const modelIndex =
      "model-index=[{name: m, results: [{task: {type: t}, dataset: {type: d, name: D}, metrics: [{type: acc, value: null}]}]}]";
    const { code, stderr } = await run(["update", file, "--set", modelIndex]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${file}: cannot add an evaluation result: metricValue must be a finite number, not empty; nothing was written.\n`,
    );
    expect(readFileSync(file, "utf8")).toBe(CARD);
  });

  it("keeps the section comment after a nested list when --set replaces it", async () => {
    const card =
      "---\nlicense: mit\ntags:\n- name: a\n  # about a\n\n# ---- Section: datasets (owned by data team) ----\n\ndatasets:\n- org/ds\n---\n";
    writeFileSync(file, card);
    expect((await run(["update", file, "--set", "tags=[b]", "--overwrite"])).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(card.replace("- name: a\n", "- b\n"));
  });

  it("refuses to replace a value without --overwrite (exit 1) and leaves the file alone", async () => {
    const refused = await run(["update", file, "--set", "license=apache-2.0"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "Set `overwrite=True` to overwrite existing metadata. On the command line: --overwrite.\n",
    );
    expect(readFileSync(file, "utf8")).toBe(CARD);
    expect((await run(["update", file, "--set", "license=apache-2.0", "--overwrite"])).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(CARD.replace("mit", "apache-2.0"));
  });

  it("prints a diff with --dry-run and writes nothing", async () => {
    const { code, stdout } = await run(["update", file, "--set", "pipeline_tag=text-generation", "--dry-run"]);
    expect(code).toBe(0);
    expect(stdout).toContain("+pipeline_tag: text-generation");
    expect(readFileSync(file, "utf8")).toBe(CARD);
  });

  it("creates a missing card", async () => {
    const fresh = join(folder, "NEW.md");
    expect((await run(["update", fresh, "--set", "license=mit"])).code).toBe(0);
    expect(readFileSync(fresh, "utf8")).toBe("---\nlicense: mit\n---\n");
  });

  it("refuses to edit a card whose YAML is broken", async () => {
    writeFileSync(file, "---\na: [\n---\n");
    const { code, stderr } = await run(["update", file, "--set", "b=1"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${file}: cannot set b: the Hub cannot read this card's front matter (unexpected end of the stream within a flow collection at line 3, column 1); fix it first; nothing was written.\n`,
    );
    expect(readFileSync(file, "utf8")).toBe("---\na: [\n---\n");
  });

  it("explains a malformed --set or --add-eval with exit code 2", async () => {
    expect((await run(["update", file, "--set", "novalue"])).stderr).toContain("expected KEY=VALUE");
    const missing = await run(["update", file, "--add-eval", "taskType=x"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing datasetType, datasetName, metricType, metricValue");
  });
});

describe("modelcard update never loses data", () => {
  async function update(card: string | Buffer, ...args: string[]) {
    writeFileSync(file, card);
    const result = await run(["update", file, ...args]);
    return { ...result, text: readFileSync(file, "utf8"), bytes: readFileSync(file) };
  }
  const FLOW = "---\n{license: mit, tags: [x], library_name: transformers}\n---\n";

  it("--unset a key of a flow mapping keeps the other keys", async () => {
    const { code, text } = await update(FLOW, "--unset", "tags");
    expect(code).toBe(0);
    expect(text).toBe("---\n{license: mit, library_name: transformers}\n---\n");
  });

  it("--set a list in a flow mapping with --overwrite writes it as flow", async () => {
    const { code, text } = await update(FLOW, "--set", "tags=[a, b]", "--overwrite");
    expect(code).toBe(0);
    expect(text).toBe("---\n{license: mit, tags: [a, b], library_name: transformers}\n---\n");
  });

  it("refuses to break an alias: one line, exit 1, the file unchanged", async () => {
    const card = "---\nlicense: &a mit\nother: *a\n---\n";
    for (const args of [
      ["--unset", "license"],
      ["--set", "license=apache-2.0", "--overwrite"],
    ]) {
      const { code, stderr, text } = await update(card, ...args);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `${file}: cannot ${args[0] === "--unset" ? "delete" : "set"} license: its anchor &a is used by *a at line 3; change or remove that alias first; nothing was written.\n`,
      );
      expect(text).toBe(card);
    }
  });

  it("--set in an indented block writes at the block's indentation", async () => {
    const { text } = await update("---\n license: mit\n---\n", "--set", "library_name=transformers");
    expect(text).toBe("---\n license: mit\n library_name: transformers\n---\n");
  });

  it("--set in a block holding a `...` line writes before it", async () => {
    const { text } = await update("---\nlicense: mit\n...\n---\n", "--set", "library_name=transformers");
    expect(text).toBe("---\nlicense: mit\nlibrary_name: transformers\n...\n---\n");
  });

  it("--add-eval on a commented flow model-index appends one metric and keeps `97.0`", async () => {
    const card =
      "---\nmodel-index:\n# ours\n- name: m\n  results:\n  - task: {type: t}\n    dataset: {type: d, name: D}\n    metrics: [{type: acc, value: 97.0}]  # kept\n---\n";
    const { code, text } = await update(
      card,
      "--add-eval",
      "taskType=t,datasetType=d,datasetName=D,metricType=f1,metricValue=100.0",
    );
    expect(code).toBe(0);
    expect(text).toBe(card.replace("value: 97.0}]", "value: 97.0}, {type: f1, value: 100}]"));
  });

  it("refuses a card holding bytes that are not UTF-8 rather than writing U+FFFD", async () => {
    const card = Buffer.concat([
      Buffer.from("---\nlicense: mit\nauthor: Jos"),
      Buffer.from([0xe9]),
      Buffer.from("\n---\n"),
    ]);
    const { code, stderr, bytes } = await update(card, "--set", "library_name=transformers");
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${file}: cannot edit this card: byte 28 (0xe9) is not valid UTF-8, and an edit would write U+FFFD over it; nothing was written.\n`,
    );
    expect(bytes.equals(card)).toBe(true);
  });

  it("edits the T0 card's license, which strict YAML 1.2 readers cannot read around", async () => {
    const t0 = readFileSync(`${SHARED}corpus/real/01315.md`, "utf8");
    const { code, text } = await update(t0, "--set", "license=mit", "--overwrite");
    expect(code).toBe(0);
    expect(text).toBe(t0.replace("license: apache-2.0\n", "license: mit\n"));
  });
});
