/** Bits per weight named in a quantization type or folder: `int8_weight_only` 8, `int4` 4, `bnb_nf4` 4, `4bit` 4. */
export function bitsInName(name: string): number | null {
  const match = /(?:int|fp|uint|nf|q)(\d+)|(\d+)[-_]?bits?/i.exec(name);
  const digits = match?.[1] ?? match?.[2];
  return digits ? Number(digits) : null;
}
