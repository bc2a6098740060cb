import { formatPath } from "../../card/index.js";
import type { KeyPath, LintReport, LintRule } from "../types.js";
import { isRecord } from "./rule-kit.js";

type Report = (finding: LintReport) => void;
type Kind = "string" | "mapping" | "list" | "boolean";

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (isRecord(value)) return "a mapping";
  return `a ${typeof value}`;
}

function matches(value: unknown, kind: Kind): boolean {
  if (kind === "mapping") return isRecord(value);
  if (kind === "list") return Array.isArray(value);
  return typeof value === kind;
}

/** The path as the Hub's (Joi's) messages write it: `"model-index[0].results[0].dataset.config"`. */
const joiPath = (path: KeyPath) => `"${formatPath([...path])}"`;

/**
 * Checks `parent[key]`; reports a missing required key or a wrong type at its exact path, in the Hub's words.
 * `checked`: the Hub rejects a wrong type here (else, where its rule is not known, a wrong type is a warning).
 */
function field(
  parent: Record<string, unknown>,
  key: string,
  path: KeyPath,
  kind: Kind,
  required: boolean,
  report: Report,
  checked = true,
): boolean {
  const value = parent[key];
  const at = [...path, key];
  if (value === undefined) {
    if (required) report({ message: `${joiPath(at)} is required; add it.`, path: at });
    return false;
  }
  // huggingface_hub reads an optional null as absent.
  if (value === null && !required) return false;
  if (matches(value, kind)) return true;
  const joiKind = kind === "mapping" ? "of type object" : kind === "list" ? "an array" : `a ${kind}`;
  report({
    message: `${joiPath(at)} must be ${joiKind}; it is ${kindOf(value)}${kind === "string" && typeof value === "number" ? ` (write it in quotes: "${value}")` : ""}.`,
    path: at,
    ...(checked ? {} : { severity: "warning" as const }),
  });
  return false;
}

function items(list: unknown[], path: KeyPath, report: Report): [Record<string, unknown>, KeyPath][] {
  const found: [Record<string, unknown>, KeyPath][] = [];
  list.forEach((item, index) => {
    const at = [...path, index];
    if (isRecord(item)) found.push([item, at]);
    else report({ message: `${joiPath(at)} must be of type object; it is ${kindOf(item)}.`, path: at });
  });
  return found;
}

function checkResult(result: Record<string, unknown>, path: KeyPath, report: Report): void {
  if (field(result, "task", path, "mapping", true, report)) {
    const task = result.task as Record<string, unknown>;
    field(task, "type", [...path, "task"], "string", true, report);
    field(task, "name", [...path, "task"], "string", false, report, false);
  }
  if (field(result, "dataset", path, "mapping", true, report)) {
    const dataset = result.dataset as Record<string, unknown>;
    const at = [...path, "dataset"];
    field(dataset, "type", at, "string", true, report);
    field(dataset, "name", at, "string", true, report);
    field(dataset, "config", at, "string", false, report);
    field(dataset, "revision", at, "string", false, report);
    field(dataset, "split", at, "string", false, report, false);
  }
  if (field(result, "metrics", path, "list", true, report)) {
    for (const [metric, at] of items(result.metrics as unknown[], [...path, "metrics"], report)) {
      field(metric, "type", at, "string", true, report);
      if (metric.value === undefined)
        report({ message: `${joiPath([...at, "value"])} is required; add it.`, path: [...at, "value"] });
      field(metric, "config", at, "string", false, report);
      for (const key of ["name", "verifyToken"]) field(metric, key, at, "string", false, report, false);
      field(metric, "verified", at, "boolean", false, report, false);
    }
  }
  if (result.source !== undefined && field(result, "source", path, "mapping", false, report)) {
    const source = result.source as Record<string, unknown>;
    field(source, "url", [...path, "source"], "string", true, report);
    field(source, "name", [...path, "source"], "string", false, report, false);
  }
}

export const modelIndexSchema: LintRule = {
  id: "model-index-schema",
  description:
    "`model-index` must follow the Hub's schema (the Hub rejects it otherwise): every entry a name and results; every result a task type, a dataset type and name, and metrics with a type and a value.",
  defaultSeverity: "error",
  fixable: false,
  check({ card }, report) {
    const modelIndex = card.metadata["model-index"];
    if (modelIndex === undefined || modelIndex === null) return;
    if (!Array.isArray(modelIndex)) {
      report({
        message: `"model-index" must be an array (a list of models); it is ${kindOf(modelIndex)}.`,
        path: ["model-index"],
      });
    } else {
      for (const [entry, at] of items(modelIndex, ["model-index"], report)) {
        field(entry, "name", at, "string", true, report);
        if (!field(entry, "results", at, "list", true, report)) continue;
        for (const [result, resultPath] of items(entry.results as unknown[], [...at, "results"], report)) {
          checkResult(result, resultPath, report);
        }
      }
    }
  },
};
