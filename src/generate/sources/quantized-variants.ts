import { readdir, realpath } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
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

/**
 * The folders `modelcard push` sends as quantized copies (the same rule as its upload plan): `int8/` and `int4/`
 * (the seed's torchao step) or any folder whose config.json has a `quantization_config`. Never `checkpoint-*`
 * (a QLoRA checkpoint's config carries the bitsandbytes settings it trained with, but it is training state)
 * and never a dot-folder.
 */
const NAMED_VARIANTS = new Set(["int8", "int4"]);

/**
 * Quantized copies in subfolders of the run, as push would send them. A folder that is a link out of the run is
 * not the run's, whatever it holds: it is left out with a warning.
 */
export async function readQuantizedVariants(directory: string): Promise<SourceReading<QuantizedVariantFacts[]>> {
  let folders: string[];
  let root: string;
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    folders = entries
      .filter((entry) => (entry.isDirectory() || entry.isSymbolicLink()) && !entry.name.startsWith("."))
      .filter((entry) => !entry.name.startsWith("checkpoint-"))
      .map((entry) => entry.name);
    root = await realpath(directory);
  } catch {
    return { facts: null, warnings: [] };
  }
  const warnings: InputWarning[] = [];
  const variants: QuantizedVariantFacts[] = [];
  for (const folder of folders.sort()) {
    const path = join(directory, folder);
    const target = await realpath(path).catch(() => null);
    if (target === null) continue;
    const inside = relative(root, target);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
      warnings.push({
        code: "link-outside-run",
        file: folder,
        message: "is a link to a folder outside the run; it was not read as a variant",
      });
      continue;
    }
    const config = await readModelConfig(path);
    const quantization = config.facts?.quantization ?? null;
    if (!quantization && !NAMED_VARIANTS.has(folder)) continue;
    warnings.push(...config.warnings.map((warning) => ({ ...warning, file: `${folder}/${warning.file}` })));
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
