import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The shared folder that sits beside the project (corpus, oracle, reference); never copied into the repo. */
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const CORPUS = `${SHARED}corpus/real/`;
export const ORACLE = `${SHARED}corpus/oracle/huggingface_hub-real.jsonl`;

/** The corpus's card files, sorted. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith(".md"))
    .sort();
}

/** js-yaml 4's reading of each corpus card: what the Hub reads (`{"$date": ...}` marks a date). */
export const HUB_ORACLE = `${SHARED}corpus/oracle/hub-js-yaml-real.jsonl`;
