import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = `${ROOT}bin/modelcard.js`;

/** A card whose keys are collections: a YAML library turning them into object keys warns on stderr. */
const CARD = "---\n? [a, b]\n: 1\n{x: 1}: 2\nlicense: mit\n---\n# M\n";

describe("Node warnings", () => {
  beforeAll(() => {
    if (!existsSync(`${ROOT}dist/bundle/cli.js`)) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  }, 120_000);

  it("none reaches stderr for a card with collection keys, in the main thread or a lint worker", () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-warnings-"));
    const card = join(folder, "README.md");
    writeFileSync(card, CARD);
    const commands = [
      ["inspect", card],
      ["lint", card, card, "--jobs", "2"],
      ["update", card, "--set", "license=apache-2.0", "--dry-run"],
      ["push", folder, "--repo", "a/b", "--dry-run"],
    ];
    for (const args of commands) {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        encoding: "utf8",
        env: { ...process.env, HF_HOME: folder },
      });
      expect(result.stderr, args.join(" ")).not.toMatch(/Warning:|\(node:\d+\)/);
    }
  });
});
