import { MODEL_LIBRARIES_UI_ELEMENTS, PIPELINE_DATA } from "@huggingface/tasks";
import { languageCodeByName, languageCodeSet } from "../lint/vocabularies.js";

/** A chip's text as the Hub labels it, or null when the value is not in the Hub's vocabulary. */
export interface HubLabel {
  label: string;
  known: boolean;
}

/** `text-generation` -> "Text Generation": `PIPELINE_DATA[tag].name` of `@huggingface/tasks`. */
export function taskLabel(tag: string): HubLabel {
  const entry = Object.hasOwn(PIPELINE_DATA, tag) ? PIPELINE_DATA[tag as keyof typeof PIPELINE_DATA] : undefined;
  return entry ? { label: entry.name, known: true } : { label: tag, known: false };
}

/** `transformers` -> "Transformers": `MODEL_LIBRARIES_UI_ELEMENTS[key].prettyLabel`. */
export function libraryLabel(key: string): HubLabel {
  const entry = Object.hasOwn(MODEL_LIBRARIES_UI_ELEMENTS, key)
    ? MODEL_LIBRARIES_UI_ELEMENTS[key as keyof typeof MODEL_LIBRARIES_UI_ELEMENTS]
    : undefined;
  return entry ? { label: entry.prettyLabel, known: true } : { label: key, known: false };
}

let namesByCode: Map<string, string> | undefined;

/**
 * The language list lint builds from `@huggingface/languages` keeps names in lower case with their code, English
 * name first: the first name of each code, each word capitalised, is the name the chip shows.
 */
function languageNamesByCode(): Map<string, string> {
  if (namesByCode) return namesByCode;
  namesByCode = new Map();
  for (const [name, code] of languageCodeByName()) {
    if (namesByCode.has(code)) continue;
    namesByCode.set(
      code,
      name.replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
    );
  }
  return namesByCode;
}

/**
 * `fr` -> "French". A 639-3 code whose name the list gives to its 639-1 twin (`fra`) is known but shown as its
 * code: the list keeps one code per name.
 */
export function languageLabel(code: string): HubLabel {
  const name = languageNamesByCode().get(code);
  return { label: name ?? code, known: name !== undefined || languageCodeSet().has(code) };
}
