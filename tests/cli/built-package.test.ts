import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { CORPUS } from "../support/shared.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = `${ROOT}bin/modelcard.js`;

/** The same commands, through `bin/modelcard.js` and the compiled `dist/`, as an installed package runs them. */
describe("the built package", () => {
  beforeAll(() => {
    // `npm ci` builds dist through `prepare`; build here only when a checkout has not.
    if (!existsSync(`${ROOT}dist/bundle/cli.js`)) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  }, 120_000);

  it("runs inspect through bin/modelcard.js", () => {
    const result = spawnSync(process.execPath, [BIN, "inspect", `${CORPUS}00001.md`, "--json"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).metadata.base_model).toBe("unsloth/llama-3.2-3b-instruct-bnb-4bit");
  });

  it("prints help and exits 2 on an unknown command", () => {
    expect(spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" }).stdout).toContain("Usage: modelcard");
    const unknown = spawnSync(process.execPath, [BIN, "frobnicate"], { encoding: "utf8" });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command");
  });
});
