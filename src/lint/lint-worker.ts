import { lintFile } from "./lint-file.js";
import type { LintBatch, LintBatchResult } from "./lint-worker-protocol.js";
import { loadLintConfig } from "./load-lint-config.js";
import type { LintConfig } from "./types.js";

// A worker thread of `lintFiles`' pool: lints the batches it is given, loading custom rules once.
let plugins: Promise<LintConfig["plugins"]> | undefined;

export default async function lintBatch({ files, config, configPath, cwd, fix }: LintBatch): Promise<LintBatchResult> {
  if (configPath !== null) plugins ??= loadLintConfig(configPath, cwd).then((loaded) => loaded.plugins);
  const full: LintConfig | undefined = configPath === null ? config : { ...config, plugins: await plugins };
  const results: LintBatchResult = [];
  for (const file of files) results.push(await lintFile(file.path, { config: full, fix, onlyCards: !file.explicit }));
  return results;
}
