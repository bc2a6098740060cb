import type { FileResult } from "./file-result.js";
import type { LintRule } from "./types.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/huggingface/hub-docs/blob/main/docs/hub/model-cards.md";

/**
 * SARIF 2.1.0 for GitHub code scanning, written in three parts so that a run over many files streams:
 * `sarifStart(rules)`, then `sarifResults(result)` for each file (joined by commas), then `sarifEnd()`.
 */
export function sarifStart(rules: readonly LintRule[], version: string): string {
  const driver = {
    name: "modelcard",
    version,
    informationUri: INFORMATION_URI,
    rules: rules.map((rule) => ({
      id: rule.id,
      shortDescription: { text: rule.description },
      helpUri: `docs/rules/${rule.id}.md`,
      defaultConfiguration: { level: rule.defaultSeverity === "error" ? "error" : "warning" },
    })),
  };
  return `{"$schema":${JSON.stringify(SARIF_SCHEMA)},"version":"2.1.0","runs":[{"tool":{"driver":${JSON.stringify(driver)}},"results":[`;
}

/** The SARIF results of one file (comma-joined JSON objects, possibly empty). */
export function sarifResults(result: FileResult, ruleIndex: ReadonlyMap<string, number>): string {
  return result.messages
    .map((message) => {
      const index = ruleIndex.get(message.ruleId);
      return JSON.stringify({
        ruleId: message.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: message.severity === "error" ? "error" : "warning",
        message: { text: message.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: result.file.replaceAll("\\", "/") },
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
    .join(",");
}

export function sarifEnd(): string {
  return "]}]}\n";
}
