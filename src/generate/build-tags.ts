import type { FieldFacts } from "./facts.js";
import type { RunFacts } from "./sources/read-run-directory.js";

/**
 * The seed's tags, in its order: family, `fine-tuned`, architecture kind, task, `quantized`, `dataset:<name>`,
 * `config:<name>`; then the adapter type (`lora`) and the user's tags. Duplicates go, order stays.
 */
export function buildTags(fields: FieldFacts, run: RunFacts | null, quantized: boolean): string[] {
  const tags = [
    fields.family?.value,
    "fine-tuned",
    fields["architecture-kind"]?.value,
    fields["pipeline-tag"]?.value,
    quantized ? "quantized" : undefined,
    fields["dataset-name"] ? `dataset:${fields["dataset-name"].value}` : undefined,
    fields["training-config"] ? `config:${fields["training-config"].value}` : undefined,
    run?.adapter?.peftType.toLowerCase(),
    ...(fields.tag?.value ?? []),
  ];
  return [...new Set(tags.filter((tag): tag is string => typeof tag === "string" && tag !== ""))];
}
