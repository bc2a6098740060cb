import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { redactToken, resolveHubCredentials } from "../../src/hub/index.js";

function folderWithToken(token: string): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-token-"));
  writeFileSync(join(folder, "token"), `${token}\n`);
  return folder;
}

describe("resolveHubCredentials", () => {
  it("takes --token first, then HF_TOKEN, then the token file under HF_HOME", () => {
    const hfHome = folderWithToken("hf_file");
    const env = { HF_HOME: hfHome, HF_TOKEN: "hf_env" };
    expect(resolveHubCredentials({ token: "hf_flag", env })).toMatchObject({
      accessToken: "hf_flag",
      tokenSource: "flag",
    });
    expect(resolveHubCredentials({ env })).toMatchObject({ accessToken: "hf_env", tokenSource: "HF_TOKEN" });
    expect(resolveHubCredentials({ env: { HF_HOME: hfHome } })).toMatchObject({
      accessToken: "hf_file",
      tokenSource: "token-file",
      tokenFile: join(hfHome, "token"),
    });
  });

  it("defaults HF_HOME to ~/.cache/huggingface, or $XDG_CACHE_HOME/huggingface, and honours HF_TOKEN_PATH", () => {
    const home = mkdtempSync(join(tmpdir(), "modelcard-home-"));
    expect(resolveHubCredentials({ env: {}, homeDir: home })).toEqual({
      accessToken: undefined,
      tokenSource: "none",
      tokenFile: join(home, ".cache", "huggingface", "token"),
      hubUrl: "https://huggingface.co",
    });
    expect(resolveHubCredentials({ env: { XDG_CACHE_HOME: "/xdg" }, homeDir: home }).tokenFile).toBe(
      join("/xdg", "huggingface", "token"),
    );
    const custom = join(folderWithToken("hf_custom"), "token");
    expect(resolveHubCredentials({ env: { HF_TOKEN_PATH: custom } }).accessToken).toBe("hf_custom");
  });

  it("reads HF_ENDPOINT without its trailing slash, and ignores empty values", () => {
    const credentials = resolveHubCredentials({
      token: "  ",
      env: { HF_ENDPOINT: "https://hub.example.org/", HF_TOKEN: "", HF_HOME: mkdtempSync(join(tmpdir(), "e-")) },
    });
    expect(credentials).toMatchObject({
      hubUrl: "https://hub.example.org",
      accessToken: undefined,
      tokenSource: "none",
    });
  });
});

describe("redactToken", () => {
  it("replaces every occurrence of the token", () => {
    expect(redactToken("Bearer hf_abc and hf_abc again", "hf_abc")).toBe("Bearer hf_*** and hf_*** again");
    expect(redactToken("nothing to hide", undefined)).toBe("nothing to hide");
  });
});
