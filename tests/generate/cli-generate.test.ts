import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { memoryIo } from "../support/memory-io.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/smollm3-openhermes-fr/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
const BASICS = ["--profile", "smollm3", "--dataset-name", "OpenHermes-FR", "--hardware-info", "CPU"];

async function run(args: string[], cwd = mkdtempSync(join(tmpdir(), "modelcard-gen-"))) {
  const terminal = memoryIo({ cwd });
  const code = await cli(["generate", ...args], terminal.io);
  return { code, cwd, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

describe("modelcard generate", () => {
  it("writes the card and its training curves from the example run, then refuses to overwrite without --force", async () => {
    const args = [
      "--from",
      EXAMPLE,
      ...BASICS,
      "--repo-name",
      "you/smollm3-openhermes-fr",
      "--output",
      "card/README.md",
    ];
    const first = await run(args);
    expect(first.code).toBe(0);
    const text = readFileSync(join(first.cwd, "card/README.md"), "utf8");
    expect(ModelCard.parse(text).metadata.quantization_types).toEqual(["int8_weight_only", "int4_weight_only"]);
    expect(readFileSync(join(first.cwd, "card/training_curves.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(readFileSync(join(first.cwd, "card/training_curves.svg"), "utf8")).toContain("<svg");

    writeFileSync(join(first.cwd, "card/README.md"), "my own card\n");
    const second = await run(args, first.cwd);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/README\.md, .*training_curves\.png, .*: already exists; pass --force/);
    expect(readFileSync(join(first.cwd, "card/README.md"), "utf8")).toBe("my own card\n");

    const forced = await run([...args, "--force"], first.cwd);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(first.cwd, "card/README.md"), "utf8")).toBe(text);
  });

  it("--stdout prints the card and writes nothing; --explain goes to stderr", async () => {
    const { code, stdout, stderr, cwd } = await run([...BASICS, "--stdout", "--explain", "--tag", "demo"]);
    expect(code).toBe(0);
    expect(ModelCard.parse(stdout).metadata.tags).toContain("demo");
    expect(stderr).toMatch(/^license = apache-2\.0 +<- profile smollm3$/m);
    expect(() => readFileSync(join(cwd, "README.md"))).toThrow();
  });

  it("lints before writing: an error-level problem prints the problems, exits 1 and writes nothing", async () => {
    const { code, stderr, cwd } = await run(["--license", "not-a-license", "--library-name", "transformers"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/README\.md:\d+:\d+: error license: License "not-a-license" is not known/);
    expect(stderr).toMatch(/README\.md:\d+:\d+: warning required-fields: .*pipeline_tag/);
    expect(stderr).toContain("nothing was written");
    expect(() => readFileSync(join(cwd, "README.md"))).toThrow();
  });

  it("--set adds user-defined fields with YAML types; --config reads YAML options", async () => {
    const { code, stdout } = await run([
      "--config",
      join(FIXTURES, "config.yaml"),
      "--set",
      "eval_budget=12.5",
      "--set",
      "reviewers=[ana, bo]",
      "--stdout",
    ]);
    expect(code).toBe(0);
    const metadata = ModelCard.parse(stdout).metadata;
    expect(metadata).toMatchObject({ eval_budget: 12.5, reviewers: ["ana", "bo"], team: "nlp", license: "mit" });
    expect(metadata.batch_size).toBe(4);
  });

  it("a flag of the wrong type is a usage error (exit 2) naming the flag", async () => {
    const { code, stderr } = await run([...BASICS, "--batch-size", "eight", "--stdout"]);
    expect(code).toBe(2);
    expect(stderr).toContain('--batch-size "eight": expected a whole number');
  });

  it("a missing --from directory is a usage error", async () => {
    const { code, stderr } = await run(["--from", "no-such-run", "--stdout"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no-such-run: not a directory; --from takes a training output directory/);
  });
});

describe("modelcard generate --speedup", () => {
  it("adds Inference Speed to the named variant, and refuses a variant that does not exist", async () => {
    const ok = await run([...BASICS, "--model-name", "m", "--quantized-models", "--speedup", "int8=1.6", "--stdout"]);
    expect(ok.code).toBe(0);
    const results = ModelCard.parse(ok.stdout).evalResults ?? [];
    expect(results.filter((result) => result.metricName === "Inference Speed")).toMatchObject([
      { metricType: "speed", metricValue: 1.6 },
    ]);
    const bad = await run([...BASICS, "--quantized-models", "--speedup", "int2=1.3", "--stdout"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--speedup int2: no quantized variant by that name; the variants are int8");
  });
});
