import type { LintRule } from "../types.js";
import { licenseIds } from "../vocabularies.js";
import { entriesOf } from "./rule-kit.js";
import { checkVocabularyValue } from "./vocabulary-value.js";

const LICENSE_LINK = /^(?:LICENSE(?:\.md|\.txt)?|https?:\/\/\S+)$/i;

export const license: LintRule = {
  id: "license",
  description:
    "`license` must be one of the Hub's license ids (the Hub rejects others); `license: other` should have `license_name` and `license_link`.",
  defaultSeverity: "error",
  fixable: true,
  check({ card }, report) {
    const metadata = card.metadata;
    const value = metadata.license;
    if (value === undefined || value === null) return;
    // The Hub's list ends with "array": a list of license ids is accepted, each id checked.
    let known = true;
    for (const { value: id, path } of entriesOf(metadata, "license")) {
      known &&= checkVocabularyValue(
        card,
        path,
        id,
        licenseIds,
        "license",
        "the Hub rejects it; use an id from https://huggingface.co/docs/hub/repositories-licenses, or `license: other` with `license_name` and `license_link`.",
        report,
      );
    }
    if (!known || typeof value !== "string") return;
    const name = metadata.license_name;
    const link = metadata.license_link;
    if (value === "other") {
      const missing = [
        ...(typeof name !== "string" || name === "" ? ["`license_name: <short-id>`"] : []),
        ...(typeof link !== "string" || link === "" ? ["`license_link: LICENSE`"] : []),
      ];
      if (missing.length > 0) {
        report({
          message: `\`license: other\` does not say which license; the Hub accepts it but shows only "other". Add ${missing.join(" and ")} (or a URL).`,
          path: ["license"],
          severity: "warning",
        });
      } else if (typeof link === "string" && !LICENSE_LINK.test(link)) {
        report({
          message: `\`license_link\` "${link}" should be LICENSE, LICENSE.md or a URL.`,
          path: ["license_link"],
          atValue: true,
          severity: "warning",
        });
      }
    } else {
      for (const key of ["license_name", "license_link"] as const) {
        if (metadata[key] === undefined) continue;
        report({
          message: `\`${key}\` only applies to \`license: other\`; the license is "${value}", so remove \`${key}\`.`,
          path: [key],
          severity: "warning",
        });
      }
    }
  },
};
