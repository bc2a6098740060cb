import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { readRunDirectory } from "../../src/generate/index.js";
import { memoryIo } from "../support/memory-io.js";

const CORRUPT = fileURLToPath(new URL("./fixtures/corrupt-run/", import.meta.url));

/** The corrupt fixture plus an unreadable file: a folder where config files are expected. */
function corruptRun(): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-corrupt-"));
  cpSync(CORRUPT, folder, { recursive: true });
  mkdirSync(join(folder, "eval_results.json"));
  return folder;
}

describe("corrupt run files", () => {
  it("become warnings naming each file and what was skipped; the rest is still read", async () => {
    const { facts, warnings } = await readRunDirectory(corruptRun());
    const byFile = Object.fromEntries(warnings.map((warning) => [warning.file, warning]));
    // Cut short in the middle of a key: the byte where it ends, and what that means.
    expect(byFile["trainer_state.json"]).toEqual({
      code: "invalid-json",
      file: "trainer_state.json",
      message: "not valid JSON at byte 80 (the file ends before the JSON does: truncated?); skipped",
    });
    expect(byFile["model.safetensors"]).toMatchObject({ code: "invalid-safetensors" });
    expect(byFile["model.safetensors"]?.message).toMatch(/claims 1000000000000000 bytes but the file holds 69/);
    expect(byFile["eval_results.json"]).toMatchObject({ code: "unreadable-file" });
    expect(facts?.fields["training-loss"]?.value).toBe(2.1);
    expect(facts?.fields.family?.value).toBe("llama");
    expect(facts?.trainingLog).toBeNull();
    expect(facts?.weights).toBeNull();
  });

  it("generate prints the warnings and writes the card; --strict refuses with exit code 1 and writes nothing", async () => {
    const run = corruptRun();
    const args = ["generate", "--from", run, "--license", "mit", "--dataset-name", "d", "--hardware-info", "CPU"];
    const lenient = memoryIo();
    expect(await cli(args, lenient.io)).toBe(0);
    expect(lenient.stderr()).toContain(`${join(run, "trainer_state.json")}: warning invalid-json: not valid JSON`);
    expect(existsSync(join(run, "README.md"))).toBe(true);

    rmSync(join(run, "README.md"));
    const strict = memoryIo();
    expect(await cli([...args, "--strict"], strict.io)).toBe(1);
    expect(strict.stderr()).toContain(`${join(run, "model.safetensors")}: error invalid-safetensors:`);
    expect(strict.stderr()).toMatch(/README\.md: not written; fix or remove the files above/);
    expect(existsSync(join(run, "README.md"))).toBe(false);
  });
});

describe("a JSON error V8 gives no position for", () => {
  it("names the byte where the text stops being JSON", async () => {
    const { parsePythonJson } = await import("../../src/generate/sources/parse-python-json.js");
    // V8 says only `Unexpected token 'x', ..."` here, with no position.
    const text = `{"log_history": [{"step": 1, "loss": 2.5}, {"step": 2, "loss": x}]}`;
    expect(() => parsePythonJson(text)).toThrow(`not valid JSON at byte ${text.indexOf("x")} (InvalidSymbol: "x}]}")`);
  });
});
