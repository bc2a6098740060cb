import { readFileSync } from "node:fs";
import type { FileResult } from "./file-result.js";
import type { LintRule } from "./types.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://huggingface.co/docs/hub/model-cards";
/** The rule pages shipped with the package (`docs/rules/<id>.md`), from src/lint/, dist/lint/ or dist/bundle/. */
const RULE_DOCS = new URL("../../docs/rules/", import.meta.url);

/** A built-in rule's page: its URI and its Markdown, which code scanning shows beside each alert. */
function ruleHelp(rule: LintRule): { helpUri?: string; help: { text: string; markdown?: string } } {
  const text = `${rule.description} See docs/rules/${rule.id}.md.`;
  if (!/^[a-z0-9-]+$/.test(rule.id)) return { help: { text } };
  const page = new URL(`${rule.id}.md`, RULE_DOCS);
  try {
    return { helpUri: page.href, help: { text, markdown: readFileSync(page, "utf8") } };
  } catch {
    return { help: { text } }; // A custom rule: no page of ours.
  }
}

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
      ...ruleHelp(rule),
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
