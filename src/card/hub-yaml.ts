import * as jsYaml from "js-yaml";
import { DEFAULT_SCHEMA, type LoadOptions, load, YAMLException } from "js-yaml";

/**
 * How the Hub reads front matter: js-yaml 4's `load` with its default schema (YAML 1.2 core scalars, plus
 * timestamps, which become dates, and `<<` merge keys). Duplicate keys, unknown tags and bad indentation throw.
 */
export const HUB_YAML_OPTIONS: LoadOptions = { schema: DEFAULT_SCHEMA };

export type HubYamlReading =
  | { ok: true; value: unknown }
  | { ok: false; reason: string; offset: number; line: number; column: number };

/** Reads YAML text exactly as the Hub does; a failure carries js-yaml's own reason and 0-based position. */
export function readHubYaml(yamlText: string): HubYamlReading {
  try {
    return { ok: true, value: load(yamlText, HUB_YAML_OPTIONS) };
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const mark = error.mark as { position?: number; line?: number; column?: number } | undefined;
    return {
      ok: false,
      reason: error.reason,
      offset: mark?.position ?? 0,
      line: mark?.line ?? 0,
      column: mark?.column ?? 0,
    };
  }
}

/** The implicit types of js-yaml's default schema: what a plain scalar may resolve to other than a string. */
const { types } = jsYaml as unknown as { types: Record<string, { resolve(data: string): boolean }> };
const IMPLICIT_TYPES = ["null", "bool", "int", "float", "timestamp", "merge"].map((name) => {
  const type = types[name];
  if (!type) throw new Error(`js-yaml has no ${name} type: the pinned version changed`);
  return type;
});

/**
 * The Hub reads `value`, written as a plain scalar, as a string: no implicit type of its schema claims it (js-yaml's
 * floats include `._0` and `.5`, which `yaml`'s YAML 1.2 core schema writes plain). Decided by js-yaml's own type
 * resolvers, without a parse.
 */
export function hubReadsPlainAsString(value: string): boolean {
  return value !== "" && !IMPLICIT_TYPES.some((type) => type.resolve(value));
}
