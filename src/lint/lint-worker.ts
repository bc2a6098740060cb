import { crashMessage } from "./crash-message.js";
import { fileResult } from "./file-result.js";
import { LintConfigError } from "./lint-config-error.js";
import { lintCardBytes, readCardBytes } from "./lint-file.js";
import { BATCH_BYTES, type LintBatch, type LintBatchResult } from "./lint-worker-protocol.js";
import { loadLintConfig } from "./load-lint-config.js";
import type { LintConfig } from "./types.js";

// A worker thread of `lintFiles`' pool: lints the batches it is given (up to BATCH_BYTES of cards each),
// loading custom rules once.
let plugins: Promise<LintConfig["plugins"]> | undefined;

export default async function lintBatch({ files, config, configPath, cwd, fix }: LintBatch): Promise<LintBatchResult> {
  if (configPath !== null) plugins ??= loadLintConfig(configPath, cwd).then((loaded) => loaded.plugins);
  const full: LintConfig | undefined = configPath === null ? config : { ...config, plugins: await plugins };
  const results: LintBatchResult = [];
  let bytes = 0;
  for (const file of files) {
    if (bytes >= BATCH_BYTES) break;
    const read = readCardBytes(file.path, file.path);
    if (!Buffer.isBuffer(read)) {
      results.push(read);
      continue;
    }
    bytes += read.length;
    try {
      results.push(await lintCardBytes(read, file.path, { config: full, fix, onlyCards: !file.explicit }));
    } catch (error) {
      // One card's exception is that card's message: the batch and the thread go on (a bad configuration stops it).
      if (error instanceof LintConfigError) throw error;
      results.push(fileResult(file.path, [crashMessage(error)]));
    }
  }
  return results;
}
