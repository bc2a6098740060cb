import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { TEMPORARY_FILE_NAME } from "../../src/io/temporary-file-name.js";
import { RUN_FIXTURE } from "../hub/run-fixture.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = `${ROOT}bin/modelcard.js`;
/** Points in a run's life (ms after spawn) at which it is killed: before, during and after its writes. */
const KILL_AFTER_MS = [60, 180, 300, 420, 540, 700];

/** Runs the built CLI and kills it with `signal` after `delayMs`; resolves when it has ended. */
function runAndKill(args: string[], signal: NodeJS.Signals, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: "ignore" });
    const timer = setTimeout(() => child.kill(signal), delayMs);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const leftovers = (folder: string, expected: string[]) =>
  readdirSync(folder).filter(
    (name) => !expected.includes(name) && !/^training_curves-[0-9a-f]{8}\.(png|svg)$/.test(name),
  );

/** Kills of the built command line at varied points: the card is whole, and only dot-named temporary files remain. */
describe("killed runs", () => {
  beforeAll(() => {
    if (!existsSync(`${ROOT}dist/bundle/cli.js`)) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  }, 120_000);

  it("update: after SIGKILL the card is the old or the new one, and only a dot-named file can remain; SIGTERM leaves none", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-kill-"));
    const card = join(folder, "README.md");
    const before = `---\nlicense: mit\ntags:\n${"- tag\n".repeat(2000)}---\n# Model\n`;
    for (const [index, delay] of KILL_AFTER_MS.entries()) {
      writeFileSync(card, before);
      const signal = index % 2 === 0 ? "SIGKILL" : "SIGTERM";
      await runAndKill(["update", card, "--set", "license=apache-2.0"], signal, delay);
      const after = readFileSync(card, "utf8");
      expect([before, before.replace("license: mit", "license: apache-2.0")]).toContain(after);
      const rest = leftovers(folder, ["README.md"]);
      if (signal === "SIGTERM") expect(rest, `SIGTERM after ${delay} ms`).toEqual([]);
      else for (const name of rest) expect(name).toMatch(TEMPORARY_FILE_NAME);
    }
  });

  it("generate --force: after a kill at any point the card shows the image made with it", async () => {
    const reference = (name: string) => {
      const folder = mkdtempSync(join(tmpdir(), "modelcard-kill-ref-"));
      execFileSync(process.execPath, [BIN, ...generate(name, folder)], { stdio: "ignore" });
      return readFileSync(join(folder, "training_curves.png"));
    };
    const generate = (name: string, folder: string) => [
      "generate",
      "--from",
      RUN_FIXTURE,
      "--model-name",
      name,
      "--license",
      "mit",
      "--output",
      join(folder, "README.md"),
      "--force",
    ];
    const images = { Alpha: reference("Alpha"), Beta: reference("Beta") };
    const folder = mkdtempSync(join(tmpdir(), "modelcard-kill-"));
    execFileSync(process.execPath, [BIN, ...generate("Alpha", folder)], { stdio: "ignore" });
    for (const [index, delay] of KILL_AFTER_MS.entries()) {
      const name = index % 2 === 0 ? "Beta" : "Alpha";
      await runAndKill(generate(name, folder), "SIGKILL", delay);
      const text = readFileSync(join(folder, "README.md"), "utf8");
      const shown = /\]\((training_curves[^)]*\.png)\)/.exec(text)?.[1];
      const cardName = text.includes("# Beta") ? "Beta" : "Alpha";
      expect(shown, `card after a kill at ${delay} ms`).toBeDefined();
      expect(readFileSync(join(folder, shown!)).equals(images[cardName]), `image after a kill at ${delay} ms`).toBe(
        true,
      );
      for (const rest of leftovers(folder, ["README.md", "training_curves.png", "training_curves.svg"])) {
        expect(rest).toMatch(TEMPORARY_FILE_NAME);
      }
    }
  });
});
