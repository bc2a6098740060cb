import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { HOSTILE_CARDS, NESTING_MESSAGE } from "../support/hostile-cards.js";
import { memoryIo } from "../support/memory-io.js";

interface JsonResult {
  filePath: string;
  fatalErrorCount: number;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number; fatal?: boolean }[];
}

/**
 * 260 small cards, some clean and some with findings (enough files for worker threads), the hostile cards, and a
 * card a custom rule throws on.
 */
function folderOfCards(): { folder: string; names: string[] } {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-hostile-"));
  const real = Array.from({ length: 260 }, (_, index) => `card-${String(index).padStart(3, "0")}.md`);
  real.forEach((name, index) => {
    const license = index % 3 === 0 ? "not-a-license" : "apache-2.0";
    writeFileSync(
      join(folder, name),
      `---\nlicense: ${license}\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n# ${name}\n`,
    );
  });
  for (const [name, text] of Object.entries(HOSTILE_CARDS)) writeFileSync(join(folder, name), text);
  writeFileSync(join(folder, "throws.md"), "---\nlicense: mit\n---\n# THROW-ON-THIS-CARD\n");
  writeFileSync(join(folder, "modelcard.config.json"), '{"customRules":["./boom-rule.mjs"]}');
  writeFileSync(
    join(folder, "boom-rule.mjs"),
    `export const rules = [{ id: "team/boom", description: "Throws on one card.", defaultSeverity: "warning",
      fixable: false, check({ card }) { if (card.text.includes("THROW-ON-THIS-CARD")) throw new RangeError("boom"); } }];`,
  );
  const names = [...real, ...Object.keys(HOSTILE_CARDS), "throws.md"].sort();
  return { folder, names };
}

describe("no card stops a lint run", () => {
  const { folder, names } = folderOfCards();

  it("reports every card, the deep ones at the limit and the crash naming its rule, in threads as in one", async () => {
    const threaded = memoryIo({ cwd: folder });
    expect(await cli(["lint", ".", "--format", "json", "--jobs", "2"], threaded.io)).toBe(2);
    const results = JSON.parse(threaded.stdout()) as JsonResult[];
    expect(results.map((result) => basename(result.filePath))).toEqual(names);
    const byFile = new Map(results.map((result) => [basename(result.filePath), result]));
    // The root mapping is level 1: the first collection past the limit is the limit's bracket or dash.
    const flowColumn = "tags: ".length + MAX_NESTING_DEPTH;
    const deep = {
      "deep-flow.md": [3, flowColumn],
      "deep-50000.md": [3, flowColumn],
      "deep-block.md": [4, 2 * (MAX_NESTING_DEPTH - 1) + 1],
    };
    for (const [name, [line, column]] of Object.entries(deep)) {
      const messages = byFile.get(name)?.messages.filter((message) => message.ruleId === "yaml-syntax");
      expect(messages).toHaveLength(1);
      expect(messages?.[0]).toMatchObject({ line, column });
      expect(messages?.[0]?.message).toContain(NESTING_MESSAGE);
    }
    expect(byFile.get("deep-flow-mapping.md")?.messages[0]?.message).toContain(NESTING_MESSAGE);
    expect(
      byFile
        .get("alias-chain.md")
        ?.messages.map((message) => message.message)
        .join("\n"),
    ).toContain("billion laughs");
    expect(byFile.get("control-bytes.md")?.messages[0]?.message).toContain("non-printable characters");
    const crashed = results.filter((result) => result.fatalErrorCount > 0);
    expect(crashed.map((result) => basename(result.filePath))).toEqual(["throws.md"]);
    expect(crashed[0]?.messages).toContainEqual({
      ruleId: "team/boom",
      severity: 2,
      message: 'Rule "team/boom" crashed on this card (boom); fix the rule or turn it off.',
      line: 1,
      column: 1,
      fatal: true,
    });

    const single = memoryIo({ cwd: folder });
    expect(await cli(["lint", ".", "--format", "json", "--jobs", "1"], single.io)).toBe(2);
    expect(single.stdout()).toBe(threaded.stdout());
  });

  it("prints every card and the summary in pretty, SARIF and github output too, then exits 2", async () => {
    const pretty = memoryIo({ cwd: folder });
    expect(await cli(["lint", ".", "--jobs", "2"], pretty.io)).toBe(2);
    for (const name of ["deep-flow.md", "deep-50000.md", "deep-block.md", "throws.md", "alias-chain.md"])
      expect(`\n${pretty.stdout()}`).toContain(`\n${name}\n`);
    expect(pretty.stdout()).toMatch(/in 268 cards checked/);
    expect(pretty.stderr()).toBe("");

    const sarif = memoryIo({ cwd: folder });
    expect(await cli(["lint", ".", "--format", "sarif", "--jobs", "2"], sarif.io)).toBe(2);
    const uris = new Set(
      (
        JSON.parse(sarif.stdout()).runs[0].results as {
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[]
      ).map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri),
    );
    for (const name of [...Object.keys(HOSTILE_CARDS), "throws.md"]) expect(uris).toContain(name);

    const github = memoryIo({ cwd: folder });
    expect(await cli(["lint", ".", "--format", "github", "--jobs", "2"], github.io)).toBe(2);
    for (const name of [...Object.keys(HOSTILE_CARDS), "throws.md"])
      expect(github.stdout()).toMatch(new RegExp(`^::(error|warning) file=${name.replace(".", "\\.")},`, "m"));
    expect(github.stdout()).toContain(
      `::error file=deep-flow.md,line=3,col=${"tags: ".length + MAX_NESTING_DEPTH},title=yaml-syntax::${NESTING_MESSAGE}`,
    );
    expect(github.stdout()).toMatch(
      /\nmodelcard lint: \d+ problems \(\d+ errors, \d+ warnings\) in 268 cards checked, \d+ with errors\. GitHub shows at most 10 error/,
    );
  });

  it("gives the deep card one clear message in inspect, update and push --dry-run, and reads it from stdin", async () => {
    const inspect = memoryIo({ cwd: folder });
    expect(await cli(["inspect", join(folder, "deep-50000.md"), "--json"], inspect.io)).toBe(1);
    expect(JSON.parse(inspect.stdout()).problems).toEqual([
      expect.objectContaining({ code: "nesting-limit", line: 3, column: "tags: ".length + MAX_NESTING_DEPTH }),
    ]);
    const update = memoryIo({ cwd: folder });
    expect(await cli(["update", join(folder, "deep-block.md"), "--set", "license=apache-2.0"], update.io)).toBe(1);
    expect(update.stderr()).toContain(`cannot edit this card: ${NESTING_MESSAGE}`);
    const stdin = memoryIo({ cwd: folder, stdin: HOSTILE_CARDS["deep-flow.md"] });
    expect(await cli(["lint", "-"], stdin.io)).toBe(1);
    expect(stdin.stdout()).toContain(`3:${"tags: ".length + MAX_NESTING_DEPTH}  error  ${NESTING_MESSAGE}`);
    const push = memoryIo({ cwd: folder, env: { HF_TOKEN: "hf_test" } });
    expect(await cli(["push", join(folder, "deep-flow.md"), "--repo", "someone/model", "--dry-run"], push.io)).toBe(1);
    expect(push.stdout() + push.stderr()).toContain(NESTING_MESSAGE);
  });
});
