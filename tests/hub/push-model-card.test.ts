import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pushModelCard } from "../../src/hub/index.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { RUN_FIXTURE, snapshotTree } from "./run-fixture.js";

const TOKEN = "hf_testtokenAlice0123456789";
let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub({ users: { [TOKEN]: { name: "alice", orgs: ["lab"] } } });
});
afterAll(() => hub.close());
beforeEach(() => hub.reset());

const push = (params: Partial<Parameters<typeof pushModelCard>[0]> & { path: string }) =>
  pushModelCard({
    repo: "alice/smollm3-fr",
    hubUrl: hub.url,
    accessToken: TOKEN,
    retry: { sleep: async () => undefined },
    ...params,
  });

describe("pushModelCard against the local Hub", () => {
  it("creates the repository and commits the card, the curves and the model files in one commit", async () => {
    const before = snapshotTree(RUN_FIXTURE);
    const outcome = await push({ path: RUN_FIXTURE });
    expect(outcome.status).toBe("pushed");
    const repo = hub.repos.get("alice/smollm3-fr")!;
    expect(repo.commits).toHaveLength(1);
    const paths = [...repo.commits[0]!.files.keys()].sort();
    expect(paths).toEqual(
      [
        "README.md",
        "all_results.json",
        "chat_template.jinja",
        "config.json",
        "generation_config.json",
        "gptq-4bit/config.json",
        "gptq-4bit/model.safetensors",
        "int4/config.json",
        "int4/model.safetensors",
        "int8/config.json",
        "int8/model.safetensors",
        "model.safetensors",
        "special_tokens_map.json",
        "tokenizer.json",
        "tokenizer_config.json",
        "train_results.json",
        "trainer_state.json",
        "training_config.json",
        "training_curves.png",
      ].sort(),
    );
    for (const [path, file] of repo.commits[0]!.files) {
      expect(file.bytes.equals(readFileSync(join(RUN_FIXTURE, path))), path).toBe(true);
    }
    expect(repo.commits[0]!.files.get("model.safetensors")!.lfs).toBe(true);
    expect(repo.commits[0]!.files.get("training_curves.png")!.lfs).toBe(true);
    expect(repo.commits[0]!.files.get("README.md")!.lfs).toBe(false);
    expect(snapshotTree(RUN_FIXTURE)).toEqual(before);
  });
});
