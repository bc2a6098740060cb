import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { HUB_LICENSES } from "./hub-licenses.js";
import { LANGUAGE_CODES } from "./language-codes.js";
import { LANGUAGE_NAMES } from "./language-names.js";

// The Hub's task vocabularies are big modules; a single-card run should not pay for the ones it never needs,
// so each is required (synchronously, from the package's CommonJS build) on first use. The language lists are
// built from @huggingface/languages into two small modules (scripts/build-language-list.ts).
const require = createRequire(import.meta.url);

type Tasks = typeof import("@huggingface/tasks");

let tasks: Tasks | undefined;
let pipelineTags: ReadonlySet<string> | undefined;
let libraries: ReadonlySet<string> | undefined;
let languageCodes: ReadonlySet<string> | undefined;
let languageNames: ReadonlyMap<string, string> | undefined;

const loadTasks = () => {
  tasks ??= require("@huggingface/tasks") as Tasks;
  return tasks;
};

/**
 * One module of @huggingface/tasks's CommonJS build (a few KB instead of the whole package's ~25 ms of loading),
 * or the whole package should its layout change.
 */
function tasksPart<Key extends keyof Tasks>(file: string, name: Key): Tasks[Key] {
  try {
    const part = require(join(dirname(require.resolve("@huggingface/tasks")), file)) as Partial<Tasks>;
    const value = part[name];
    if (value !== undefined) return value as Tasks[Key];
  } catch {
    // Fall through to the package's entry point.
  }
  return loadTasks()[name];
}

export const licenseIds: ReadonlySet<string> = new Set(HUB_LICENSES);

/** `PIPELINE_TYPES` of `@huggingface/tasks`. */
export function pipelineTagSet(): ReadonlySet<string> {
  pipelineTags ??= new Set(tasksPart("pipelines.js", "PIPELINE_TYPES"));
  return pipelineTags;
}

/** The model libraries of `@huggingface/tasks` (`MODEL_LIBRARIES_UI_ELEMENTS`). */
export function modelLibrarySet(): ReadonlySet<string> {
  libraries ??= new Set(Object.keys(tasksPart("model-libraries.js", "MODEL_LIBRARIES_UI_ELEMENTS")));
  return libraries;
}

/** ISO 639-1 and 639-3 codes of `@huggingface/languages` (built into `language-codes.ts`). */
export function languageCodeSet(): ReadonlySet<string> {
  languageCodes ??= new Set(LANGUAGE_CODES.split(" "));
  return languageCodes;
}

/** Lower-case English and native language names to their shortest code (`english` -> `en`). */
export function languageCodeByName(): ReadonlyMap<string, string> {
  languageNames ??= new Map(
    LANGUAGE_NAMES.split("|").map((entry) => {
      const split = entry.lastIndexOf("=");
      return [entry.slice(0, split), entry.slice(split + 1)] as const;
    }),
  );
  return languageNames;
}
