import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { HUB_LICENSES } from "./hub-licenses.js";

// The Hub's vocabularies are big modules; a single-card run should not pay for the ones it never needs,
// so each is required (synchronously, from the packages' CommonJS builds) on first use.
const require = createRequire(import.meta.url);

type Tasks = typeof import("@huggingface/tasks");
type Languages = typeof import("@huggingface/languages");

let tasks: Tasks | undefined;
let languages: Languages | undefined;
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
const loadLanguages = () => {
  languages ??= require("@huggingface/languages") as Languages;
  return languages;
};

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

/** ISO 639-1 and 639-3 codes of `@huggingface/languages`. */
export function languageCodeSet(): ReadonlySet<string> {
  const { LANGUAGES_ISO_639_1, LANGUAGES_ISO_639_3 } = loadLanguages();
  languageCodes ??= new Set([...Object.keys(LANGUAGES_ISO_639_1), ...Object.keys(LANGUAGES_ISO_639_3)]);
  return languageCodes;
}

/** Lower-case English and native language names to their shortest code (`english` -> `en`). */
export function languageCodeByName(): ReadonlyMap<string, string> {
  if (!languageNames) {
    const { LANGUAGES_ISO_639_1, LANGUAGES_ISO_639_3 } = loadLanguages();
    const names = new Map<string, string>();
    const add = (name: string | undefined, code: string) => {
      for (const part of (name ?? "").toLowerCase().split(/[,;]/)) {
        const trimmed = part.trim();
        if (trimmed && !names.has(trimmed)) names.set(trimmed, code);
      }
    };
    for (const [code, entry] of Object.entries(LANGUAGES_ISO_639_1)) {
      add(entry.name, code);
      add((entry as { nativeName?: string }).nativeName, code);
    }
    for (const [code, entry] of Object.entries(LANGUAGES_ISO_639_3)) add(entry.name, code);
    languageNames = names;
  }
  return languageNames;
}
