import { EVAL_RESULT_FIELDS, type EvalResultInput } from "../card/eval-results.js";
import { readHubYaml } from "../card/hub-yaml.js";
import { UsageError } from "./exit-codes.js";

/** A flag's value read as YAML by the Hub's own reader, so that it means on the card what it meant on the line. */
function readValue(flag: string, source: string): unknown {
  const reading = readHubYaml(source);
  if (!reading.ok) throw new UsageError(`${flag}: the value is not YAML the Hub reads (${reading.reason}); quote it.`);
  return reading.value ?? null;
}

/** `--set KEY=YAML`: the value is read as YAML (`--set tags=[a, b]`, `--set batch_size=8`). */
export function parseSetFlag(flag: string): [string, unknown] {
  const equals = flag.indexOf("=");
  if (equals <= 0) throw new UsageError(`--set ${flag}: expected KEY=VALUE, e.g. --set license=apache-2.0`);
  const key = flag.slice(0, equals).trim();
  return [key, readValue(`--set ${key}`, flag.slice(equals + 1))];
}

const FIELD_BY_NAME = new Map<string, (typeof EVAL_RESULT_FIELDS)[number]>(
  EVAL_RESULT_FIELDS.map((field) => [field.toLowerCase(), field]),
);
const REQUIRED = ["taskType", "datasetType", "datasetName", "metricType", "metricValue"] as const;

/** `--add-eval taskType=text-generation,datasetType=x,datasetName=X,metricType=loss,metricValue=2.1` */
export function parseEvalFlag(flag: string): EvalResultInput {
  const result: Record<string, unknown> = {};
  for (const part of flag.split(",")) {
    const equals = part.indexOf("=");
    if (equals <= 0) throw new UsageError(`--add-eval: "${part}" is not key=value`);
    const name = part.slice(0, equals).trim();
    const field = FIELD_BY_NAME.get(name.replace(/[-_]/g, "").toLowerCase());
    if (!field) throw new UsageError(`--add-eval: unknown field "${name}"; use ${EVAL_RESULT_FIELDS.join(", ")}`);
    const raw = part.slice(equals + 1).trim();
    result[field] = field === "metricValue" || field === "verified" ? readValue(`--add-eval ${field}`, raw) : raw;
  }
  // The Hub charts numbers; a value with no number is a lint error, so it is not written in the first place.
  if (result.metricValue !== undefined && typeof result.metricValue !== "number")
    throw new UsageError(`--add-eval: metricValue must be a number, not ${JSON.stringify(result.metricValue)}`);
  const missing = REQUIRED.filter((field) => result[field] === undefined);
  if (missing.length > 0) throw new UsageError(`--add-eval: missing ${missing.join(", ")}`);
  return result as unknown as EvalResultInput;
}
