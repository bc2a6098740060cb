import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The names a lint configuration file may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ["modelcard.config.json", "modelcard.config.yaml", "modelcard.config.yml"] as const;

/** The nearest `modelcard.config.{json,yaml,yml}` in `directory` or above it, or null. */
export function findLintConfig(directory: string): string | null {
  let current = resolve(directory);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
