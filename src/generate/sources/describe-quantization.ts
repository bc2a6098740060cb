import { bitsInName } from "./bits-in-name.js";
import { numberField } from "./number-field.js";
import type { JsonObject } from "./read-json-file.js";
import { stringField } from "./string-field.js";

export interface QuantizationInfo {
  /** The method as config.json names it: torchao, bitsandbytes, gptq, awq, ... */
  method: string;
  /** The published type name, e.g. `int8_weight_only`, `bnb_nf4`, `gptq_int4`; null when it cannot be told. */
  type: string | null;
  /** Bits per weight, when known. */
  bits: number | null;
}

/** Reads a config.json `quantization_config` the way each quantizer writes it. */
export function describeQuantization(config: JsonObject): QuantizationInfo {
  const method = stringField(config, "quant_method") ?? "unknown";
  switch (method) {
    case "torchao": {
      const quantType = config.quant_type;
      // Newer torchao writes {"default": {"_type": "Int8WeightOnlyConfig", ...}}.
      const name =
        typeof quantType === "string"
          ? quantType
          : typeof quantType === "object" && quantType !== null
            ? JSON.stringify(quantType).match(/"_type":"([^"]+)"/)?.[1]
            : undefined;
      return { method, type: name ?? null, bits: name ? bitsInName(name) : null };
    }
    case "bitsandbytes": {
      if (config.load_in_8bit === true) return { method, type: "bnb_int8", bits: 8 };
      if (config.load_in_4bit === true) {
        return { method, type: `bnb_${stringField(config, "bnb_4bit_quant_type") ?? "4bit"}`, bits: 4 };
      }
      return { method, type: null, bits: null };
    }
    case "hqq": {
      const bits = numberField(config, "nbits") ?? null;
      return { method, type: bits ? `hqq_int${bits}` : null, bits };
    }
    case "fp8":
      return { method, type: "fp8", bits: 8 };
    case "mxfp4":
      return { method, type: "mxfp4", bits: 4 };
    default: {
      const bits = numberField(config, "bits") ?? null;
      return { method, type: bits ? `${method}_int${bits}` : method, bits };
    }
  }
}
