import { access } from "node:fs/promises";
import { join } from "node:path";
import type { SourceReading } from "../facts.js";
import { readJsonFile } from "./read-json-file.js";

/** True when the tokenizer carries a chat template (`tokenizer_config.json` or `chat_template.jinja`). */
export async function readChatTemplate(directory: string): Promise<SourceReading<{ conversational: boolean }>> {
  const { facts: json, warnings } = await readJsonFile(directory, "tokenizer_config.json");
  const inConfig = typeof json?.chat_template === "string" || Array.isArray(json?.chat_template);
  const inFile = await access(join(directory, "chat_template.jinja")).then(
    () => true,
    () => false,
  );
  return { facts: inConfig || inFile ? { conversational: true } : null, warnings };
}
