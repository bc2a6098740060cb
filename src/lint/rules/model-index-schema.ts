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

/** Checks `parent[key]`; reports a missing required key or a wrong type at its exact path. */
function field(
  parent: Record<string, unknown>,
  key: string,
  path: KeyPath,
  kind: Kind,
  required: boolean,
  report: Report,
): boolean {
  const value = parent[key];
  const at = [...path, key];
  if (value === undefined) {
    if (required) report({ message: `\`${formatPath(at)}\` is required; add it.`, path: at });
    return false;
  }
  // huggingface_hub reads an optional null as absent.
  if (value === null && !required) return false;
  if (matches(value, kind)) return true;
  const article = kind === "mapping" ? "a mapping" : kind === "list" ? "a list" : `a ${kind}`;
  report({
    message: `\`${formatPath(at)}\` must be ${article}, not ${kindOf(value)}${kind === "string" && typeof value === "number" ? ` (write it in quotes: "${value}")` : ""}.`,
    path: at,
  });
  return false;
}

function items(list: unknown[], path: KeyPath, report: Report): [Record<string, unknown>, KeyPath][] {
  const found: [Record<string, unknown>, KeyPath][] = [];
  list.forEach((item, index) => {
    const at = [...path, index];
    if (isRecord(item)) found.push([item, at]);
    else report({ message: `\`${formatPath(at)}\` must be a mapping, not ${kindOf(item)}.`, path: at });
  });
  return found;
}

function checkResult(result: Record<string, unknown>, path: KeyPath, report: Report): void {
  if (field(result, "task", path, "mapping", true, report)) {
    const task = result.task as Record<string, unknown>;
    field(task, "type", [...path, "task"], "string", true, report);
    field(task, "name", [...path, "task"], "string", false, report);
  }
  if (field(result, "dataset", path, "mapping", true, report)) {
    const dataset = result.dataset as Record<string, unknown>;
    const at = [...path, "dataset"];
    field(dataset, "type", at, "string", true, report);
    field(dataset, "name", at, "string", true, report);
    for (const key of ["config", "split", "revision"]) field(dataset, key, at, "string", false, report);
  }
  if (field(result, "metrics", path, "list", true, report)) {
    for (const [metric, at] of items(result.metrics as unknown[], [...path, "metrics"], report)) {
      field(metric, "type", at, "string", true, report);
      if (metric.value === undefined)
        report({ message: `\`${formatPath([...at, "value"])}\` is required; add it.`, path: [...at, "value"] });
      for (const key of ["name", "config", "verifyToken"]) field(metric, key, at, "string", false, report);
      field(metric, "verified", at, "boolean", false, report);
    }
  }
  if (result.source !== undefined && field(result, "source", path, "mapping", false, report)) {
    const source = result.source as Record<string, unknown>;
    field(source, "url", [...path, "source"], "string", true, report);
    field(source, "name", [...path, "source"], "string", false, report);
  }
}

export const modelIndexSchema: LintRule = {
  id: "model-index-schema",
  description:
    "`model-index` must follow the Hub's schema: every entry a name and results; every result a task type, a dataset type and name, and metrics with a type and a value.",
  defaultSeverity: "error",
  fixable: false,
  check({ card }, report) {
    const modelIndex = card.metadata["model-index"];
    if (modelIndex === undefined || modelIndex === null) return;
    if (!Array.isArray(modelIndex)) {
      report({
        message: `\`model-index\` must be a list of models, not ${kindOf(modelIndex)}.`,
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
