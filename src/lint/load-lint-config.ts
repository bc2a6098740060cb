import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { findLintConfig } from "./find-lint-config.js";
import { LintConfigError } from "./lint-config-error.js";
import { resolveLintConfig } from "./resolve-lint-config.js";
import { isRecord } from "./rules/rule-kit.js";
import type { LintConfig, LintRule } from "./types.js";

const KEYS = ["preset", "rules", "requiredFields", "customRules", "evalTaskIds"];

async function importRules(modulePath: string, configPath: string): Promise<LintRule[]> {
  const absolute = resolve(dirname(configPath), modulePath);
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    throw new LintConfigError(
      `${configPath}: customRules: cannot load ${modulePath} (${(error as Error).message.split("\n")[0]}); check the path.`,
    );
  }
  const rules = loaded.rules ?? loaded.default;
  const list = Array.isArray(rules) ? rules : isRecord(rules) && "check" in rules ? [rules] : null;
  if (!list) {
    throw new LintConfigError(
      `${configPath}: customRules: ${modulePath} must export \`rules\` (a list of rules) or a default list of rules.`,
    );
  }
  return list as LintRule[];
}

/**
 * Reads a lint configuration (JSON or YAML), loads its custom rules and checks it: an unknown rule id, a bad
 * severity or option throws a LintConfigError naming the file. Without a path, the nearest
 * `modelcard.config.*` from the current folder up is used; with none, the defaults.
 */
export async function loadLintConfig(path?: string, cwd = process.cwd()): Promise<LintConfig> {
  const file = path === undefined ? findLintConfig(cwd) : resolve(cwd, path);
  if (file === null) return {};
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new LintConfigError(`${file}: cannot read the lint configuration (${reason}); check the path.`);
  }
  let data: unknown;
  try {
    data = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new LintConfigError(
      `${file}: not valid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  data ??= {};
  if (!isRecord(data))
    throw new LintConfigError(`${file}: the configuration must be a mapping with ${KEYS.join(", ")}.`);
  const unknown = Object.keys(data).find((key) => !KEYS.includes(key));
  if (unknown) throw new LintConfigError(`${file}: unknown setting "${unknown}"; the settings are ${KEYS.join(", ")}.`);
  if (data.rules !== undefined && !isRecord(data.rules)) {
    throw new LintConfigError(`${file}: rules must be a mapping of rule ids to off, warn or error.`);
  }
  const customRules = data.customRules;
  if (
    customRules !== undefined &&
    (!Array.isArray(customRules) || !customRules.every((item) => typeof item === "string"))
  ) {
    throw new LintConfigError(`${file}: customRules must be a list of module paths.`);
  }
  const taskIds = data.evalTaskIds;
  const isTaskIdMap = (value: unknown) => isRecord(value) && Object.values(value).every((id) => typeof id === "string");
  if (
    taskIds !== undefined &&
    !(isRecord(taskIds) && Object.values(taskIds).every((v) => typeof v === "string" || isTaskIdMap(v)))
  ) {
    throw new LintConfigError(
      `${file}: evalTaskIds must map benchmark dataset ids to task ids (Idavidrein/gpqa: gpqa_diamond) or to {subset: task id}.`,
    );
  }
  const plugins: LintRule[] = [];
  for (const modulePath of (customRules ?? []) as string[]) plugins.push(...(await importRules(modulePath, file)));
  const config: LintConfig = { ...(data as LintConfig), plugins, source: file };
  resolveLintConfig(config); // Fails now, with the file's name, rather than on the first card.
  return config;
}
