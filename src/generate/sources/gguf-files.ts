import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { GGMLFileQuantizationType, gguf } from "@huggingface/gguf";
import type { InputWarning, SourceReading } from "../facts.js";

export interface GgufFacts {
  file: string;
  architecture: string | null;
  /** The file's quantization, e.g. `Q4_K_M`. */
  fileType: string | null;
  parameters: number;
}

/** Every `*.gguf` in `directory`, header only, through `@huggingface/gguf`. */
export async function readGgufFiles(directory: string): Promise<SourceReading<GgufFacts[]>> {
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => name.endsWith(".gguf")).sort();
  } catch {
    return { facts: null, warnings: [] };
  }
  const warnings: InputWarning[] = [];
  const facts: GgufFacts[] = [];
  for (const file of names) {
    try {
      const { metadata, parameterCount } = await gguf(join(directory, file), {
        allowLocalFile: true,
        computeParametersCount: true,
      });
      const architecture = metadata["general.architecture"];
      const fileType = (metadata as Record<string, unknown>)["general.file_type"];
      facts.push({
        file,
        architecture: typeof architecture === "string" ? architecture : null,
        fileType: typeof fileType === "number" ? (GGMLFileQuantizationType[fileType] ?? null) : null,
        parameters: parameterCount,
      });
    } catch (error) {
      warnings.push({
        code: "invalid-gguf",
        file,
        message: `cannot read its header (${(error as Error).message}); skipped`,
      });
    }
  }
  return { facts: facts.length > 0 ? facts : null, warnings };
}
