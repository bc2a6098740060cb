import { describe, expect, it } from "vitest";
import { readRepoId } from "./repo-id.js";

describe("readRepoId", () => {
  it("reads Hub ids, with or without an owner", () => {
    expect(readRepoId("HuggingFaceTB/SmolLM3-3B")).toEqual({
      kind: "hub-id",
      owner: "HuggingFaceTB",
      name: "SmolLM3-3B",
    });
    expect(readRepoId("gpt2")).toEqual({ kind: "hub-id", owner: null, name: "gpt2" });
  });

  it("recognises the local paths trainers leak", () => {
    for (const path of [
      "/home/me/ckpt",
      "./out",
      "../base",
      "~/models/x",
      "C:\\runs\\x",
      "D:/runs/x",
      "\\\\server\\share",
      "out\\x",
      ".",
    ]) {
      expect(readRepoId(path), path).toEqual({ kind: "local-path" });
    }
  });

  it("gives the id inside a huggingface.co URL", () => {
    expect(readRepoId("https://huggingface.co/datasets/org/data")).toEqual({ kind: "url", id: "org/data" });
  });

  it("rejects what is neither", () => {
    for (const value of ["a/b/c", "org/..", "with space/x", "", "-x/y"])
      expect(readRepoId(value).kind, value).toBe("invalid");
  });
});
