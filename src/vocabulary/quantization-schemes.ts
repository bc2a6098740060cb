import { createRequire } from "node:module";

/**
 * The quantization schemes a card's `quantization_types` names: one documented table shared by `generate` (which
 * writes them) and the `quantization-types` lint rule (which checks them). No package exports such a list, so the
 * names follow their sources:
 *
 * - transformers' `QuantizationMethod` (`quantization_config.quant_method` in config.json) and each method's
 *   settings: bitsandbytes `load_in_8bit` / `load_in_4bit` + `bnb_4bit_quant_type`, gptq / awq / auto-round
 *   `bits`, hqq `nbits`, quanto `weights`, torchao `quant_type`;
 *   https://huggingface.co/docs/transformers/main/en/quantization/overview
 * - torchao's weight-only and dynamic-activation configurations, by their `quant_type` strings (the seed's
 *   `int8_weight_only`, `int4_weight_only`) and their newer config classes (`Int8WeightOnlyConfig`);
 *   https://huggingface.co/docs/transformers/main/en/quantization/torchao
 * - GGUF file types, from `GGMLFileQuantizationType` of `@huggingface/gguf` (`Q4_K_M`, `IQ2_XS`, ...), the names
 *   llama.cpp's `general.file_type` takes; the unquantized F32, F16 and BF16 are not schemes.
 *
 * `bits` is the width of a quantized weight, null where the method's settings decide it.
 */
export const QUANTIZATION_SCHEMES = {
  int8_weight_only: { method: "torchao", bits: 8 },
  int4_weight_only: { method: "torchao", bits: 4 },
  int8_dynamic_activation_int8_weight: { method: "torchao", bits: 8 },
  int8_dynamic_activation_int4_weight: { method: "torchao", bits: 4 },
  float8_weight_only: { method: "torchao", bits: 8 },
  float8_dynamic_activation_float8_weight: { method: "torchao", bits: 8 },
  int8_dynamic: { method: "torchao", bits: 8 },
  bnb_int8: { method: "bitsandbytes", bits: 8 },
  bnb_nf4: { method: "bitsandbytes", bits: 4 },
  bnb_fp4: { method: "bitsandbytes", bits: 4 },
  gptq_int2: { method: "gptq", bits: 2 },
  gptq_int3: { method: "gptq", bits: 3 },
  gptq_int4: { method: "gptq", bits: 4 },
  gptq_int8: { method: "gptq", bits: 8 },
  awq_int4: { method: "awq", bits: 4 },
  "auto-round_int2": { method: "auto-round", bits: 2 },
  "auto-round_int4": { method: "auto-round", bits: 4 },
  "auto-round_int8": { method: "auto-round", bits: 8 },
  hqq_int1: { method: "hqq", bits: 1 },
  hqq_int2: { method: "hqq", bits: 2 },
  hqq_int3: { method: "hqq", bits: 3 },
  hqq_int4: { method: "hqq", bits: 4 },
  hqq_int8: { method: "hqq", bits: 8 },
  quanto_int2: { method: "quanto", bits: 2 },
  quanto_int4: { method: "quanto", bits: 4 },
  quanto_int8: { method: "quanto", bits: 8 },
  quanto_float8: { method: "quanto", bits: 8 },
  eetq_int8: { method: "eetq", bits: 8 },
  fbgemm_fp8: { method: "fbgemm_fp8", bits: 8 },
  fp8: { method: "fp8", bits: 8 },
  mxfp4: { method: "mxfp4", bits: 4 },
  bitnet: { method: "bitnet", bits: 2 },
  aqlm: { method: "aqlm", bits: null },
  vptq: { method: "vptq", bits: null },
  higgs: { method: "higgs", bits: null },
  spqr: { method: "spqr", bits: 3 },
  quark: { method: "quark", bits: null },
  "compressed-tensors": { method: "compressed-tensors", bits: null },
} as const satisfies Record<string, { method: string; bits: number | null }>;

export type QuantizationSchemeName = keyof typeof QUANTIZATION_SCHEMES;

/** What the table (or the GGUF file types) says about a scheme name; `gguf` for llama.cpp's file types. */
export interface QuantizationScheme {
  name: string;
  method: string;
  bits: number | null;
}

const NOT_QUANTIZED = new Set(["F32", "F16", "BF16"]);
const require = createRequire(import.meta.url);
let ggufTypes: ReadonlySet<string> | undefined;

/** GGUF's file types, loaded on first use (most cards never name one). */
function ggufFileTypes(): ReadonlySet<string> {
  if (!ggufTypes) {
    const { GGMLFileQuantizationType } = require("@huggingface/gguf") as typeof import("@huggingface/gguf");
    ggufTypes = new Set(
      Object.keys(GGMLFileQuantizationType).filter((name) => Number.isNaN(Number(name)) && !NOT_QUANTIZED.has(name)),
    );
  }
  return ggufTypes;
}

/** The scheme `name` stands for, or null when neither the table nor GGUF's file types know it. */
export function quantizationScheme(name: string): QuantizationScheme | null {
  if (Object.hasOwn(QUANTIZATION_SCHEMES, name)) {
    const { method, bits } = QUANTIZATION_SCHEMES[name as QuantizationSchemeName];
    return { name, method, bits };
  }
  if (ggufFileTypes().has(name)) {
    const digits = /^I?Q(\d)/.exec(name)?.[1] ?? (name.includes("FP4") ? "4" : undefined);
    return { name, method: "gguf", bits: digits ? Number(digits) : null };
  }
  return null;
}
