import { readdir } from "node:fs/promises";
import type { InputWarning, SourceReading } from "../facts.js";
import { numberField } from "./number-field.js";
import { readJsonFile } from "./read-json-file.js";
import { readSafetensorsHeader } from "./safetensors-header.js";

export interface WeightsFacts {
  files: string[];
  parameters: number;
  /** The dtype holding most parameters (`BF16`, `I8`, ...). */
  dtype: string | null;
  /** Bytes of tensor data: the index's `total_size` when present, else the headers' sum; 0 when unknown. */
  bytes: number;
}

const INDEX_SUFFIX = ".safetensors.index.json";

/**
 * The safetensors weights of one folder (single file or shards with their index), from headers only.
 * `prefix` prefixes file names in warnings (`int8/`), so they name the file from the run directory.
 */
export async function readModelWeights(directory: string, prefix = ""): Promise<SourceReading<WeightsFacts>> {
  const warnings: InputWarning[] = [];
  let names: string[];
  try {
    names = (await readdir(directory)).sort();
  } catch {
    return { facts: null, warnings };
  }
  let indexBytes: number | undefined;
  const indexed = new Set<string>();
  for (const indexFile of names.filter((name) => name.endsWith(INDEX_SUFFIX))) {
    const reading = await readJsonFile(directory, indexFile);
    warnings.push(...reading.warnings.map((warning) => ({ ...warning, file: prefix + warning.file })));
    const metadata = reading.facts?.metadata;
    const total = typeof metadata === "object" && metadata !== null ? numberField(metadata as never, "total_size") : 0;
    indexBytes = (indexBytes ?? 0) + (total ?? 0);
    const weightMap = reading.facts?.weight_map;
    if (typeof weightMap === "object" && weightMap !== null) {
      for (const shard of Object.values(weightMap)) if (typeof shard === "string") indexed.add(shard);
    }
  }
  const files = [...new Set([...names.filter((name) => name.endsWith(".safetensors")), ...indexed])].sort();
  if (files.length === 0) return { facts: null, warnings };
  const byDtype: Record<string, number> = {};
  let parameters = 0;
  let headerBytes = 0;
  let readable = 0;
  for (const file of files) {
    const reading = await readSafetensorsHeader(directory, file);
    warnings.push(...reading.warnings.map((warning) => ({ ...warning, file: prefix + warning.file })));
    if (!reading.facts) continue;
    readable++;
    parameters += reading.facts.parameters;
    headerBytes += reading.facts.dataBytes;
    for (const [dtype, count] of Object.entries(reading.facts.parametersByDtype)) {
      byDtype[dtype] = (byDtype[dtype] ?? 0) + count;
    }
  }
  if (readable === 0 && !indexBytes) return { facts: null, warnings };
  const dtype = Object.entries(byDtype).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  // With a shard unreadable and no index, the total is unknown (0) rather than wrong.
  const bytes = indexBytes || (readable === files.length ? headerBytes : 0);
  return { facts: { files, parameters, dtype, bytes }, warnings };
}
