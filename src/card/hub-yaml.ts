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
