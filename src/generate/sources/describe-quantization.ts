import { quantizationScheme } from "../../vocabulary/quantization-schemes.js";
import { bitsInName } from "./bits-in-name.js";
import { numberField } from "./number-field.js";
import type { JsonObject } from "./read-json-file.js";
import { stringField } from "./string-field.js";

export interface QuantizationInfo {
  /** The method as config.json names it: torchao, bitsandbytes, gptq, awq, ... */
  method: string;
  /** The scheme, a name of the shared table (`int8_weight_only`, `bnb_nf4`, `gptq_int4`); null when untold. */
  type: string | null;
  /** Bits per weight, when known. */
  bits: number | null;
}

/** torchao's newer `{"_type": "Int8WeightOnlyConfig"}` -> its `quant_type` string, `int8_weight_only`. */
function torchaoName(quantType: unknown): string | undefined {
  if (typeof quantType === "string") return quantType;
  const className = JSON.stringify(quantType ?? null).match(/"_type":"([A-Za-z0-9]+)Config"/)?.[1];
  return className
    ?.replace(/(?<=[a-z0-9])(?=[A-Z])/g, "_")
    .toLowerCase()
    .replace(/^_/, "");
}

/** The scheme's name for a method and its settings, before the table gives its bits. */
function schemeName(method: string, config: JsonObject): string | null {
  switch (method) {
    case "torchao":
      return torchaoName(config.quant_type) ?? null;
    case "bitsandbytes":
      if (config.load_in_8bit === true) return "bnb_int8";
      // transformers' BitsAndBytesConfig defaults bnb_4bit_quant_type to fp4.
      if (config.load_in_4bit === true) return `bnb_${stringField(config, "bnb_4bit_quant_type") ?? "fp4"}`;
      return null;
    case "hqq": {
      const bits = numberField(config, "nbits");
      return bits ? `hqq_int${bits}` : null;
    }
    case "quanto": {
      const weights = stringField(config, "weights");
      return weights ? `quanto_${weights}` : null;
    }
    case "eetq":
      return "eetq_int8";
    case "gptq":
    case "awq":
    case "auto-round": {
      const bits = numberField(config, "bits");
      return bits ? `${method}_int${bits}` : null;
    }
    default:
      return method;
  }
}

/** Reads a config.json `quantization_config` the way each quantizer writes it, naming its scheme. */
export function describeQuantization(config: JsonObject): QuantizationInfo {
  const method = stringField(config, "quant_method") ?? "unknown";
  const type = schemeName(method, config);
  const bits = type ? (quantizationScheme(type)?.bits ?? bitsInName(type)) : null;
  return { method, type, bits };
}
