import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { formatExplanations } from "../../src/generate/format-explanations.js";
import { generateCard } from "../../src/generate/generate-card.js";
import { readBaseModelCard } from "../../src/hub/read-base-model-card.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { memoryIo } from "../support/memory-io.js";

const BASE_CARD =
  "---\nlicense: other\nlicense_name: base-license\nlicense_link: LICENSE\nlanguage:\n- en\n- fr\npipeline_tag: text-generation\n---\n\n# Base\n";
const BASE = { repo: "lab/base", license: "apache-2.0", language: ["en", "fr"], pipelineTag: "text-generation" };

describe("generateCard with the base model's card", () => {
  it("takes license, language and pipeline_tag from it, and --explain names it", async () => {
    const generated = await generateCard({ values: { "base-model": "lab/base" }, baseModelCard: BASE });
    expect(generated.metadata).toMatchObject({
      license: "apache-2.0",
      language: ["en", "fr"],
      pipeline_tag: "text-generation",
    });
    const explained = formatExplanations(generated.explanations);
    expect(explained).toMatch(/^license = apache-2\.0 +<- base model card lab\/base$/m);
    expect(explained).toMatch(/^pipeline_tag = text-generation +<- base model card lab\/base$/m);
  });

  it("is below a flag, the config and the run, above a profile; the licence's name and link go with it only", async () => {
    const own = await generateCard({
      values: { license: "mit", profile: "smollm3" },
      baseModelCard: { ...BASE, license: "other", licenseName: "x", licenseLink: "https://hub/lab/base/LICENSE" },
    });
    expect(own.metadata.license).toBe("mit");
    expect(own.metadata).not.toHaveProperty("license_name");
    expect(own.metadata).not.toHaveProperty("license_link");
    // The profile smollm3 says apache-2.0; the base model's card says what the base model is under.
    const inherited = await generateCard({
      values: { profile: "smollm3" },
      baseModelCard: { ...BASE, license: "other", licenseName: "x", licenseLink: "https://hub/lab/base/LICENSE" },
    });
    expect(inherited.metadata).toMatchObject({
      license: "other",
      license_name: "x",
      license_link: "https://hub/lab/base/LICENSE",
    });
    const without = await generateCard({ values: { profile: "smollm3" } });
    expect(without.metadata.license).toBe("apache-2.0");
  });
});

describe("the base model's card from the Hub", () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await startFakeHub();
  });
  afterAll(() => hub.close());
  beforeEach(() => hub.reset());

  it("reads license (a relative license_link made absolute), language and pipeline_tag", async () => {
    hub.addRepo("lab/base");
    hub.writeFiles("lab/base", { "README.md": BASE_CARD });
    expect(await readBaseModelCard({ repo: "lab/base", hubUrl: hub.url, accessToken: "" })).toEqual({
      repo: "lab/base",
      license: "other",
      licenseName: "base-license",
      licenseLink: `${hub.url}/lab/base/blob/main/LICENSE`,
      language: ["en", "fr"],
      pipelineTag: "text-generation",
    });
  });

  async function generate(args: string[], env: NodeJS.ProcessEnv) {
    const terminal = memoryIo({ cwd: mkdtempSync(join(tmpdir(), "modelcard-base-")), env });
    const code = await cli(["generate", "--hardware-info", "CPU", "--stdout", "--explain", ...args], terminal.io);
    return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
  }

  it("modelcard generate takes the base model's licence from the Hub, and --explain says so", async () => {
    hub.addRepo("lab/base");
    hub.writeFiles("lab/base", { "README.md": BASE_CARD });
    const { code, stdout, stderr } = await generate(["--base-model", "lab/base", "--library-name", "transformers"], {
      HF_ENDPOINT: hub.url,
      HF_HUB_OFFLINE: "0",
    });
    expect(code).toBe(0);
    expect(stdout).toContain("\nlicense: other\n");
    expect(stdout).toContain(`\nlicense_name: base-license\nlicense_link: ${hub.url}/lab/base/blob/main/LICENSE\n`);
    expect(stdout).toContain("\nlanguage:\n- en\n- fr\n");
    expect(stderr).toMatch(/^license = other +<- base model card lab\/base$/m);
    expect(hub.requests.map((request) => request.route)).toEqual(["model-info", "resolve", "resolve"]);
  });

  it("a base model card that cannot be read is a note, and offline nothing is asked", async () => {
    const args = ["--base-model", "lab/missing", "--license", "mit", "--library-name", "transformers"];
    const missing = await generate(args, { HF_ENDPOINT: hub.url, HF_HUB_OFFLINE: "0" });
    expect(missing.code).toBe(0);
    expect(missing.stderr).toContain(
      "note: the base model's card was not read, nothing is taken from it: hf://lab/missing@main/README.md: no public model repository lab/missing;",
    );
    hub.reset();
    hub.addRepo("lab/base");
    hub.writeFiles("lab/base", { "README.md": BASE_CARD });
    const offline = await generate([...args.slice(0, 1), "lab/base", ...args.slice(2)], {
      HF_ENDPOINT: hub.url,
      HF_HUB_OFFLINE: "1",
    });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain("license: mit\n");
    const flag = await generate([...args.slice(0, 1), "lab/base", ...args.slice(2), "--offline"], {
      HF_ENDPOINT: hub.url,
      HF_HUB_OFFLINE: "0",
    });
    expect(flag.code).toBe(0);
    expect(hub.requests).toEqual([]);
  });
});
