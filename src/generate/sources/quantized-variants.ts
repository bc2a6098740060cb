import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { InputWarning, SourceReading } from "../facts.js";
import { bitsInName } from "./bits-in-name.js";
import { readModelConfig } from "./model-config.js";
import { readModelWeights } from "./model-weights.js";

export interface QuantizedVariantFacts {
  /** The subfolder, which is also how users load it (`subfolder="int8"`). */
  folder: string;
  /** e.g. `int8_weight_only`; null when neither config nor folder name tells. */
  type: string | null;
  bits: number | null;
  /** Bytes of weights, when the subfolder holds safetensors. */
  bytes: number | null;
}

/** Folder names of quantized copies: int8, int4, uint4, nf4, fp8, fp4, q4_k_m, 4bit (not fp16 or bf16 copies). */
const NAMED_VARIANT = /^(?:u?int\d+|nf4|fp[48]|q\d+(?:_k(?:_[sml])?)?|\d+-?bits?)$/i;

/**
 * Quantized copies in subfolders: `int8/`, `int4/` (the seed's torchao step), or any subfolder whose
 * config.json carries a `quantization_config`.
 */
export async function readQuantizedVariants(directory: string): Promise<SourceReading<QuantizedVariantFacts[]>> {
  let folders: string[];
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name);
  } catch {
    return { facts: null, warnings: [] };
  }
  const warnings: InputWarning[] = [];
  const variants: QuantizedVariantFacts[] = [];
  for (const folder of folders.sort()) {
    const path = join(directory, folder);
    const config = await readModelConfig(path);
    warnings.push(...config.warnings.map((warning) => ({ ...warning, file: `${folder}/${warning.file}` })));
    const quantization = config.facts?.quantization ?? null;
    if (!quantization && !NAMED_VARIANT.test(folder)) continue;
    const weights = await readModelWeights(path, `${folder}/`);
    warnings.push(...weights.warnings);
    variants.push({
      folder,
      type: quantization?.type ?? null,
      bits: quantization?.bits ?? bitsInName(folder),
      bytes: weights.facts?.bytes || null,
    });
  }
  // Widest first, the seed's order (int8 before int4).
  variants.sort((a, b) => (b.bits ?? 0) - (a.bits ?? 0) || a.folder.localeCompare(b.folder));
  return { facts: variants.length > 0 ? variants : null, warnings };
}
