import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import type { FileResult } from "../../src/lint/index.js";
import { collectCardFiles, LintConfigError, lintFiles, lintText } from "../../src/lint/index.js";
import lintBatch from "../../src/lint/lint-worker.js";

// A bug in the fix machinery, on one card only: what --fix runs is where a throw outside any rule can happen.
vi.mock("../../src/lint/fix-card.js", async (original) => {
  const actual = await original<typeof import("../../src/lint/fix-card.js")>();
  return {
    ...actual,
    fixCard: (card: ModelCard, options: Parameters<typeof actual.fixCard>[1]) => {
      if (card.toString().includes("THROW-HERE")) throw new RangeError("Maximum call stack size exceeded");
      return actual.fixCard(card, options);
    },
  };
});

const CARD = "---\nlicense: mit\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n# Model\n";
const CRASH = {
  ruleId: "internal-error",
  severity: "error",
  message:
    "modelcard failed on this card (RangeError: Maximum call stack size exceeded); the other cards were checked. Please report it with the card.",
  line: 1,
  column: 1,
  fatal: true,
};

function folderWith(cards: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-throws-"));
  for (const [name, text] of Object.entries(cards)) writeFileSync(join(folder, name), text);
  return folder;
}

afterEach(() => vi.restoreAllMocks());

describe("an exception on one card", () => {
  it("in the reader becomes that card's fatal message in lintText", () => {
    vi.spyOn(ModelCard, "parse").mockImplementation(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    expect(lintText(CARD)).toEqual([CRASH]);
  });

  it("is reported against its file while the others are linted, in this thread and in a lint thread", async () => {
    const folder = folderWith({ "a.md": CARD, "b.md": `${CARD}THROW-HERE\n`, "c.md": CARD });
    const results: FileResult[] = [];
    await lintFiles(collectCardFiles([folder]), { fix: true, jobs: 1, onResult: (result) => results.push(result) });
    expect(results.map((result) => [result.file.slice(folder.length + 1), Boolean(result.fatal)])).toEqual([
      ["a.md", false],
      ["b.md", true],
      ["c.md", false],
    ]);
    expect(results[1]?.messages).toEqual([CRASH]);

    const files = ["a.md", "b.md", "c.md"].map((name) => ({ path: join(folder, name), explicit: true }));
    const batch = await lintBatch({ files, config: undefined, configPath: null, cwd: folder, fix: true });
    expect(batch.map((result) => result?.messages)).toEqual([[], [CRASH], []]);
    expect(batch[1]?.fatal).toBe(true);
  });
});

describe("a bad configuration", () => {
  it("is thrown to the caller of lintFiles, not reported on every card", async () => {
    const folder = folderWith({ "a.md": CARD, "b.md": CARD });
    const run = lintFiles(collectCardFiles([folder]), {
      config: { rules: { "no-such-rule": "error" } },
      jobs: 1,
      onResult: () => undefined,
    });
    await expect(run).rejects.toThrow(LintConfigError);
  });
});
