import { describe, expect, it } from "vitest";
import { describeQuantization } from "../generate/sources/describe-quantization.js";
import { lintText } from "../lint/index.js";
import { QUANTIZATION_SCHEMES, quantizationScheme } from "./quantization-schemes.js";

const card = (types: string) =>
  `---\nlicense: mit\nlibrary_name: transformers\npipeline_tag: text-generation\ntags:\n- quantized\nquantization_types: ${types}\n---\n# Model\n`;

describe("the quantization scheme table", () => {
  it("names what each quantizer's config.json says, and every name it gives is in the table", () => {
    const configs = [
      [{ quant_method: "bitsandbytes", load_in_4bit: true, bnb_4bit_quant_type: "nf4" }, "bnb_nf4", 4],
      [{ quant_method: "bitsandbytes", load_in_4bit: true }, "bnb_fp4", 4],
      [{ quant_method: "bitsandbytes", load_in_8bit: true }, "bnb_int8", 8],
      [{ quant_method: "gptq", bits: 4, group_size: 128 }, "gptq_int4", 4],
      [{ quant_method: "awq", bits: 4, version: "gemm" }, "awq_int4", 4],
      [{ quant_method: "torchao", quant_type: "int8_weight_only" }, "int8_weight_only", 8],
      [{ quant_method: "torchao", quant_type: { default: { _type: "Int4WeightOnlyConfig" } } }, "int4_weight_only", 4],
      [{ quant_method: "hqq", nbits: 4 }, "hqq_int4", 4],
      [{ quant_method: "quanto", weights: "int8" }, "quanto_int8", 8],
      [{ quant_method: "fbgemm_fp8" }, "fbgemm_fp8", 8],
      [{ quant_method: "compressed-tensors" }, "compressed-tensors", null],
    ] as const;
    for (const [config, type, bits] of configs) {
      expect(describeQuantization(config)).toEqual({ method: config.quant_method, type, bits });
      expect(quantizationScheme(type)).not.toBeNull();
    }
  });

  it("knows GGUF's file types from @huggingface/gguf, not the unquantized F16", () => {
    expect(quantizationScheme("Q4_K_M")).toEqual({ name: "Q4_K_M", method: "gguf", bits: 4 });
    expect(quantizationScheme("IQ2_XS")?.bits).toBe(2);
    expect(quantizationScheme("F16")).toBeNull();
    expect(Object.keys(QUANTIZATION_SCHEMES)).toContain("awq_int4");
  });

  it("is what the quantization-types rule accepts; an unknown scheme is a warning", () => {
    expect(lintText(card("[Q4_K_M, awq_int4, bnb_nf4]"))).toEqual([]);
    const [message, ...rest] = lintText(card("[int3_magic]"));
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ ruleId: "quantization-types", severity: "warning", line: 7, column: 22 });
    expect(message?.message).toBe(
      "Quantization scheme \"int3_magic\" is not known; use a scheme such as `int8_weight_only`, `bnb_nf4`, `gptq_int4`, `awq_int4` or a GGUF file type such as `Q4_K_M` (the rule's page lists them all), or list it in the rule's extraTypes option.",
    );
  });
});
