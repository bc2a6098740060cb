import type { Fact, FieldFacts } from "./facts.js";
import { GenerateInputError } from "./generate-input-error.js";
import { bitsInName } from "./sources/bits-in-name.js";
import type { RunFacts } from "./sources/read-run-directory.js";

export interface QuantizedVariant {
  /** `int8`: the model-index name's suffix. */
  label: string;
  /** The run's subfolder that holds it (and push sends); null for a variant only claimed by flags. */
  folder: string | null;
  type: string | null;
  /** With how it was obtained: measured from weights, or nominal from bit widths. */
  memoryReduction: (Fact<number> & { note: string; nominal: boolean }) | null;
  speedup: Fact<number> | null;
}

/** The seed's quantization step: torchao int8 and int4 weight-only copies. */
export const DEFAULT_QUANTIZATION_TYPES = ["int8_weight_only", "int4_weight_only"] as const;

const DTYPE_BITS: Record<string, number> = {
  F64: 64,
  float64: 64,
  F32: 32,
  float32: 32,
  BF16: 16,
  bfloat16: 16,
  F16: 16,
  float16: 16,
};

function labelOf(type: string): string {
  return /(?:u?int|nf|fp|mx)\d+/i.exec(type)?.[0]?.toLowerCase() ?? type;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Which quantized variants the card describes: the ones in the run's subfolders (those push sends), else the
 * ones declared with `--quantized-models` / `--quantization-type`. Memory reduction is measured from the
 * variant's weights against the main weights when both are on disk (never against an adapter's weights), else
 * nominal from bit widths: a declared variant against the seed's 16-bit weights (int8 50%, int4 75%).
 */
export function resolveVariants(
  fields: FieldFacts,
  run: RunFacts | null,
  speedups: Record<string, Fact<number>>,
): QuantizedVariant[] {
  const declared = fields["quantized-models"];
  if (declared?.value === false) return [];
  const types = fields["quantization-type"];
  const detected = run?.variants ?? [];
  const candidates =
    detected.length > 0
      ? detected.map((variant) => ({
          label: variant.folder,
          folder: variant.folder as string | null,
          type: variant.type ?? types?.value.find((type) => bitsInName(type) === variant.bits) ?? null,
          bits: variant.bits,
          bytes: variant.bytes,
        }))
      : declared?.value === true || types
        ? (types?.value ?? [...DEFAULT_QUANTIZATION_TYPES]).map((type) => ({
            label: labelOf(type),
            folder: null,
            type,
            bits: bitsInName(type),
            bytes: null,
          }))
        : [];
  // An adapter's weights are not the model's: nothing is measured or assumed from them.
  const mainWeights = run?.adapter ? null : (run?.weights ?? null);
  const mainBytes = mainWeights?.bytes || null;
  const baseDtype = detected.length > 0 && !run?.adapter ? (mainWeights?.dtype ?? run?.config?.dtype ?? null) : null;
  const baseBits = baseDtype ? DTYPE_BITS[baseDtype] : undefined;
  const known = new Set(candidates.flatMap((candidate) => [candidate.label, candidate.type ?? candidate.label]));
  const unknown = Object.keys(speedups).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new GenerateInputError(
      `--speedup ${unknown.join(", ")}: no quantized variant by that name; the variants are ${[...known].join(", ") || "none (add --quantized-models or --from a run with int8/ or int4/)"}.`,
    );
  }
  return candidates.map((candidate) => {
    let memoryReduction: QuantizedVariant["memoryReduction"] = null;
    if (candidate.bytes !== null && mainBytes) {
      memoryReduction = {
        value: round1((1 - candidate.bytes / mainBytes) * 100),
        from: { kind: "derived", detail: `${candidate.label}/ weights against the main weights` },
        note: `measured: ${candidate.bytes} bytes against ${mainBytes} bytes`,
        nominal: false,
      };
    } else if (candidate.bits !== null) {
      const bits = baseBits ?? 16;
      const dtype = baseBits ? baseDtype : "16-bit weights, assumed";
      memoryReduction = {
        value: round1((1 - candidate.bits / bits) * 100),
        from: { kind: "derived", detail: `bit widths (${candidate.bits}-bit against ${dtype})` },
        note: `nominal: 1 - ${candidate.bits}/${bits}; ${candidate.folder ? "no weights in the folder" : "no variant folder"} to measure`,
        nominal: true,
      };
    }
    const speedup = speedups[candidate.label] ?? (candidate.type ? speedups[candidate.type] : undefined) ?? null;
    return { label: candidate.label, folder: candidate.folder, type: candidate.type, memoryReduction, speedup };
  });
}
