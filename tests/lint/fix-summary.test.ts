import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { memoryIo } from "../support/memory-io.js";

const CARDS = {
  "a.md":
    "---\nlicense: Apache-2.0\nlibrary_name: Transformers\npipeline_tag: text-generation\nlanguage: [EN, fr]\nflag: no\n---\n",
  // The anchored license is read by an alias: its fix is not offered, so it is neither counted nor applied.
  "b.md": "---\nlicense: &l MIT\ntags: [*l]\nlibrary_name: transformers\npipeline_tag: Text-Generation\n---\n",
};

it("the summary's fixable count is exactly what --fix applies", async () => {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-fix-summary-"));
  for (const [name, text] of Object.entries(CARDS)) writeFileSync(join(folder, name), text);
  const files = Object.keys(CARDS).map((name) => join(folder, name));

  const check = memoryIo({ cwd: folder });
  await cli(["lint", ...files], check.io);
  expect(check.stdout()).toContain("  1 error and 4 warnings can be fixed with --fix.\n");

  const fix = memoryIo({ cwd: folder });
  await cli(["lint", "--fix", ...files], fix.io);
  expect(fix.stdout()).toContain("5 fixes applied.\n");
  expect(fix.stdout()).not.toContain("can be fixed");
  expect(readFileSync(files[0] as string, "utf8")).toBe(
    '---\nlicense: apache-2.0\nlibrary_name: transformers\npipeline_tag: text-generation\nlanguage: [en, fr]\nflag: "no"\n---\n',
  );
  expect(readFileSync(files[1] as string, "utf8")).toBe(
    "---\nlicense: &l MIT\ntags: [*l]\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n",
  );
});
