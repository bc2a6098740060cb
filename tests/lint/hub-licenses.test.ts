import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { languageModules } from "../../scripts/build-language-list.js";
import { HUB_LICENSES } from "../../src/lint/hub-licenses.js";
import { languageCodeByName, languageCodeSet, modelLibrarySet, pipelineTagSet } from "../../src/lint/vocabularies.js";
import { SHARED } from "../support/shared.js";

const REFERENCE = `${SHARED}reference/hub-licenses.txt`;

describe("HUB_LICENSES", () => {
  it.runIf(existsSync(REFERENCE))("holds exactly the reference list, in its order", () => {
    const reference = readFileSync(REFERENCE, "utf8").split(/\r?\n/).filter(Boolean);
    expect([...HUB_LICENSES]).toEqual(reference);
  });

  it("has 83 unique ids ending with unknown and other", () => {
    expect(new Set(HUB_LICENSES).size).toBe(83);
    expect(HUB_LICENSES.slice(-2)).toEqual(["unknown", "other"]);
  });
});

describe("vocabularies", () => {
  it("come from @huggingface/tasks and @huggingface/languages", async () => {
    const tasks = await import("@huggingface/tasks");
    const languages = await import("@huggingface/languages");
    expect([...pipelineTagSet()]).toEqual([...tasks.PIPELINE_TYPES]);
    expect([...modelLibrarySet()]).toEqual(Object.keys(tasks.MODEL_LIBRARIES_UI_ELEMENTS));
    expect(languageCodeSet().has("en")).toBe(true);
    expect(languageCodeSet().size).toBe(
      new Set([...Object.keys(languages.LANGUAGES_ISO_639_1), ...Object.keys(languages.LANGUAGES_ISO_639_3)]).size,
    );
    expect(languageCodeByName().get("english")).toBe("en");
  });

  it("has the language modules built from @huggingface/languages as they are (run scripts/build-language-list.ts)", () => {
    for (const [name, text] of Object.entries(languageModules())) {
      expect(readFileSync(new URL(`../../src/lint/${name}`, import.meta.url), "utf8"), name).toBe(text);
    }
  });
});
