import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { coerceInputValue } from "./coerce-input-value.js";
import { GenerateInputError } from "./generate-input-error.js";
import { INPUT_FIELDS, type InputFieldName, type InputValues, isInputFieldName } from "./input-fields.js";

export interface ConfigFile {
  /** The file's path, as given. */
  file: string;
  values: InputValues;
  /** User-defined profiles, by name. */
  profiles: Record<string, InputValues>;
}

/** Options that the CLI handles itself; a config file cannot set them. */
const NOT_IN_CONFIG = new Set(["config", "stdout", "force", "explain", "strict", "detect-hardware"]);
const PATH_FIELDS = new Set<InputFieldName>(["from", "template", "output"]);

function normalizeName(key: string): string {
  return key.replace(/_/g, "-").replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Reads a mapping of option names to values; paths are relative to the config file's folder. */
function readOptionMapping(raw: unknown, where: string, baseDirectory: string): InputValues {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new GenerateInputError(`${where}: expected a mapping of option names to values, e.g. "license: apache-2.0"`);
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = normalizeName(key);
    if (NOT_IN_CONFIG.has(name)) {
      throw new GenerateInputError(`${where}: "${key}" is a command-line switch only; pass --${name} instead`);
    }
    if (!isInputFieldName(name)) {
      throw new GenerateInputError(
        `${where}: unknown option "${key}"; use one of ${Object.keys(INPUT_FIELDS).join(", ")}, or put custom metadata under "set:"`,
      );
    }
    if (value === null || value === undefined) continue;
    const coerced = coerceInputValue(name, value);
    if ("error" in coerced) throw new GenerateInputError(`${where}: "${key}": ${coerced.error}`);
    values[name] =
      PATH_FIELDS.has(name) && typeof coerced.value === "string"
        ? resolve(baseDirectory, coerced.value)
        : coerced.value;
  }
  return values as InputValues;
}

/**
 * Loads a `--config` file (YAML or JSON) holding any `generate` option by its long name (`batch-size`,
 * `batch_size` and `batchSize` alike), plus `profiles: {name: {options}}`.
 */
export async function loadConfigFile(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GenerateInputError(
      `${file}: cannot read the config file (${code === "ENOENT" ? "no such file" : (code ?? (error as Error).message)}); check the --config path.`,
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new GenerateInputError(`${file}: not valid YAML or JSON (${(error as Error).message.split("\n")[0]}).`);
  }
  if (raw === null || raw === undefined) return { file, values: {}, profiles: {} };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new GenerateInputError(`${file}: expected a mapping of option names to values.`);
  }
  const { profiles: rawProfiles, ...options } = raw as Record<string, unknown>;
  const base = dirname(resolve(file));
  const profiles: Record<string, InputValues> = {};
  if (rawProfiles !== undefined) {
    if (typeof rawProfiles !== "object" || rawProfiles === null || Array.isArray(rawProfiles)) {
      throw new GenerateInputError(`${file}: "profiles" must map profile names to options.`);
    }
    for (const [name, profile] of Object.entries(rawProfiles)) {
      profiles[name] = readOptionMapping(profile, `${file}: profiles.${name}`, base);
    }
  }
  return { file, values: readOptionMapping(options, file, base), profiles };
}
