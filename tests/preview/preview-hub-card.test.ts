import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { memoryIo } from "../support/memory-io.js";

const CARD = "---\nlicense: mit\npipeline_tag: text-generation\nlibrary_name: transformers\n---\n\n# Remote model\n";

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub({ users: {} });
});
afterAll(() => hub.close());

describe("modelcard preview of a card on the Hub", () => {
  it("renders hf://owner/name at the commit its revision names, named after the repository, leaving no file", async () => {
    hub.addRepo("lab/model");
    const sha = hub.writeFiles("lab/model", { "README.md": CARD });
    const out = mkdtempSync(join(tmpdir(), "modelcard-preview-hub-"));
    const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith("modelcard-preview-")));
    const terminal = memoryIo({ env: { HF_ENDPOINT: hub.url, HF_HOME: out, HF_HUB_OFFLINE: "0" } });
    expect(await cli(["preview", "hf://lab/model", "--out", join(out, "page")], terminal.io)).toBe(0);
    expect(terminal.stderr()).toContain(`previewing hf://lab/model@main/README.md (commit ${sha.slice(0, 12)})\n`);
    const html = readFileSync(join(out, "page", "index.html"), "utf8");
    expect(html).toContain('<h1 class="repo-name">lab/model</h1>');
    expect(html).toContain("Remote model</h1>");
    expect(html.replace(/<[^>]+>/g, "")).toContain("Task: Text Generation");
    // The snapshot of the card lived in a temporary folder that is gone.
    const after = readdirSync(tmpdir()).filter((name) => name.startsWith("modelcard-preview-") && !before.has(name));
    expect(after.filter((name) => existsSync(join(tmpdir(), name, "README.md")))).toEqual([]);
  });

  it("says which repository is missing, exit 2", async () => {
    const terminal = memoryIo({ env: { HF_ENDPOINT: hub.url, HF_HUB_OFFLINE: "0" } });
    expect(await cli(["preview", "hf://lab/none", "--out", tmpdir()], terminal.io)).toBe(2);
    expect(terminal.stderr()).toMatch(/^modelcard: hf:\/\/lab\/none/);
  });
});
