import { readFileSync } from "node:fs";
import type { FileResult } from "./file-result.js";
import type { LintRule } from "./types.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://huggingface.co/docs/hub/model-cards";
/** The rule pages shipped with the package (`docs/rules/<id>.md`), from src/lint/, dist/lint/ or dist/bundle/. */
const RULE_DOCS = new URL("../../docs/rules/", import.meta.url);

interface SarifRuleHelp {
  fullDescription: { text: string };
  help: { text: string; markdown?: string };
}

/** A page's paragraph after `heading` (its first one when heading is null), as one line. */
function paragraphAfter(page: string, heading: string | null): string | null {
  const start = heading === null ? page.indexOf("\n\n") : page.indexOf(`\n${heading}\n`);
  if (start < 0) return null;
  const rest = page.slice(start).replace(/^\n+(?:#+ .*\n+)?/, "");
  const paragraph = rest.split(/\n\n/)[0]?.trim();
  return paragraph ? paragraph.replace(/\s*\n\s*/g, " ") : null;
}

/**
 * A rule's help, carried in the SARIF file itself: code scanning shows it beside each alert. No `helpUri`: the
 * package declares no public URL for its docs, and a path on the machine that ran lint means nothing where the
 * SARIF file is uploaded and shared.
 */
function ruleHelp(rule: LintRule): SarifRuleHelp {
  const plain = { fullDescription: { text: rule.description }, help: { text: rule.description } };
  if (!/^[a-z0-9-]+$/.test(rule.id)) return plain;
  let page: string;
  try {
    page = readFileSync(new URL(`${rule.id}.md`, RULE_DOCS), "utf8");
  } catch {
    return plain; // A custom rule: no page of ours.
  }
  const summary = paragraphAfter(page, null) ?? rule.description;
  const why = paragraphAfter(page, "## Why");
  return {
    fullDescription: { text: summary },
    help: { text: why ? `${summary} ${why}` : summary, markdown: page },
  };
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
