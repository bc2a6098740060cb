import type { FileResult } from "./file-result.js";
import type { LintRule } from "./types.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://huggingface.co/docs/hub/model-cards";

export interface SarifWriter {
  /** The log up to its results array. */
  start(): string;
  /** One file's results: comma-separated JSON objects (empty when the file is clean), joined by the caller. */
  results(result: FileResult): string;
  /** The end of the log. */
  end(): string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning, written in pieces so that a run over many files streams: `start()`,
 * then `results()` per file, then `end()`. File names are URIs relative to the folder the run started in.
 */
export function createSarifWriter(rules: readonly LintRule[], version: string): SarifWriter {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const driver = {
    name: "modelcard",
    version,
    informationUri: INFORMATION_URI,
    rules: rules.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.description },
      help: { text: `${rule.description} See docs/rules/${rule.id}.md.` },
      defaultConfiguration: { level: rule.defaultSeverity },
    })),
  };
  return {
    start: () =>
      `{"$schema":${JSON.stringify(SARIF_SCHEMA)},"version":"2.1.0","runs":[{"tool":{"driver":${JSON.stringify(driver)}},"results":[`,
    results: (result) =>
      result.messages
        .map((message) => {
          const index = ruleIndex.get(message.ruleId);
          return JSON.stringify({
            ruleId: message.ruleId,
            ...(index === undefined ? {} : { ruleIndex: index }),
            level: message.severity,
            message: { text: message.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(result.file.replaceAll("\\", "/")) },
                  region: {
                    startLine: message.line,
                    startColumn: message.column,
                    ...(message.endLine === undefined
                      ? {}
                      : { endLine: message.endLine, endColumn: message.endColumn ?? message.column }),
                  },
                },
              },
            ],
          });
        })
        .join(","),
    end: () => "]}]}\n",
  };
}
