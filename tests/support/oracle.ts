import { readFileSync } from "node:fs";
import { ORACLE } from "./shared.js";

/** One line of the huggingface_hub oracle: how the Python reference reads a corpus card. */
export interface OracleRow {
  file: string;
  data: Record<string, unknown>;
  eval_results: Record<string, unknown>[] | null;
  text_len: number;
  error: string | null;
}

export function readOracle(): OracleRow[] {
  return readFileSync(ORACLE, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as OracleRow);
}
