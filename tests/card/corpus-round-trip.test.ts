import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { CORPUS, corpusFiles } from "../support/shared.js";

describe("every real card", () => {
  const files = corpusFiles();

  it("is the whole corpus", () => {
    expect(files.length).toBe(4455);
  });

  it("parses without an exception and writes back byte for byte", () => {
    const changed: string[] = [];
    for (const file of files) {
      const text = readFileSync(`${CORPUS}${file}`, "utf8");
      if (ModelCard.parse(text).toString() !== text) changed.push(file);
    }
    expect(changed).toEqual([]);
  });
});
