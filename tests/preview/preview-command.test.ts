import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { memoryIo } from "../support/memory-io.js";
import { fullCardFolder, writeFolder } from "./fixture-cards.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const filesIn = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;

describe("modelcard preview", () => {
  it("--out writes the static page and prints the path of index.html", async () => {
    const folder = fullCardFolder();
    const out = join(writeFolder({}), "site");
    const run = memoryIo({ cwd: folder });
    expect(await cli(["preview", "--out", out, "--repo", "me/tiny-fr"], run.io)).toBe(0);
    expect(run.stdout()).toBe(`${join(out, "index.html")}\n`);
    expect(run.stderr()).toBe(
      "modelcard: x: the card shows this image, but it is not in the card's folder; not copied.\n" +
        `wrote ${filesIn(out)} files to ${out}\n`,
    );
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain('<h1 class="repo-name">me/tiny-fr</h1>');
  });

  it("says clearly what is wrong with the input, and exits 2", async () => {
    const missing = memoryIo();
    expect(await cli(["preview", "/no/such/card.md", "--out", "x"], missing.io)).toBe(2);
    expect(missing.stderr()).toBe("modelcard: /no/such/card.md: no such file or folder; check the path.\n");
    const offline = memoryIo({ env: { HF_HUB_OFFLINE: "1" } });
    expect(await cli(["preview", "hf://me/model"], offline.io)).toBe(2);
    expect(offline.stderr()).toMatch(/^modelcard: hf:\/\/me\/model.*offline/);
    const port = memoryIo({ cwd: fullCardFolder() });
    expect(await cli(["preview", "--port", "99999"], port.io)).toBe(2);
    expect(port.stderr()).toContain("--port 99999: give a port number from 0 to 65535");
  });

  describe("as a server, through bin/modelcard.js", () => {
    beforeAll(() => {
      if (!existsSync(`${ROOT}dist/bundle/cli.js`))
        execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
    }, 120_000);

    it("prints the URL on stdout, serves the page there, and stops on Ctrl-C with exit code 0", async () => {
      const folder = fullCardFolder();
      const child = spawn(process.execPath, [`${ROOT}bin/modelcard.js`, "preview", folder, "--port", "0"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.endsWith("\n")) resolve(stdout.trim());
        });
        child.on("exit", (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<h1>Tiny FR</h1>");
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      expect(stderr).toBe(
        `previewing ${join(folder, "README.md")}; the page reloads when the card changes. Ctrl-C to stop.\n`,
      );
    });
  });
});
