import { describeEntry, type EvalResultsRule, isRecord } from "./eval-results-rule.js";

export const evalResultsSourceUrl: EvalResultsRule = {
  id: "eval-results-source-url",
  description:
    "A `source` must be a mapping with a `url`: `name`, `user` and `org` without `url` break the spec, and huggingface_hub's `EvalResultEntry` raises on them.",
  defaultSeverity: "error",
  fixable: false,
  check({ entries }, report) {
    for (const entry of entries) {
      if (!isRecord(entry.data) || !("source" in entry.data)) continue;
      const source = entry.data.source;
      const path = [...entry.path, "source"];
      const where = describeEntry(entry);
      if (!isRecord(source)) {
        report({
          message: `\`source\` of ${where} is ${JSON.stringify(source ?? null)}, not a mapping; give \`source.url\` (and optionally \`name\`, \`user\`, \`org\`) or remove \`source\`.`,
          path,
          atValue: true,
        });
        continue;
      }
      if (typeof source.url === "string" && source.url.trim() !== "") continue;
      const given = ["name", "user", "org"].filter((key) => key in source).map((key) => `\`${key}\``);
      const found = source.url === undefined ? "no `url`" : `a \`url\` of ${JSON.stringify(source.url)}`;
      report({
        message: `\`source\` of ${where} has ${given.length > 0 ? `${given.join(", ")} but ` : ""}${found}; the spec requires \`source.url\` (huggingface_hub raises "If \`source_name\`, \`source_user\`, or \`source_org\` is provided, \`source_url\` must also be provided").`,
        path: source.url === undefined ? path : [...path, "url"],
        atValue: source.url !== undefined,
      });
    }
  },
};
