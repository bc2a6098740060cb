import type { LintRule } from "../types.js";
import { licenseIds } from "../vocabularies.js";
import { checkVocabularyValue } from "./vocabulary-value.js";

const LICENSE_LINK = /^(?:LICENSE(?:\.md|\.txt)?|https?:\/\/\S+)$/i;

export const license: LintRule = {
  id: "license",
  description:
    "`license` must be one of the Hub's license ids; `license: other` needs `license_name` and `license_link`.",
  defaultSeverity: "error",
  fixable: true,
  check({ card }, report) {
    const metadata = card.metadata;
    const value = metadata.license;
    if (value === undefined || value === null) return;
    const known = checkVocabularyValue(
      card,
      ["license"],
      value,
      licenseIds,
      "license",
      "use an id from https://huggingface.co/docs/hub/repositories-licenses, or `license: other` with `license_name` and `license_link`.",
      report,
    );
    if (!known) return;
    const name = metadata.license_name;
    const link = metadata.license_link;
    if (value === "other") {
      if (typeof name !== "string" || name === "") {
        report({
          message:
            "`license: other` needs `license_name` (a short kebab-case id for your license); add `license_name: <id>`.",
          path: ["license"],
        });
      }
      if (typeof link !== "string" || link === "") {
        report({
          message:
            "`license: other` needs `license_link` (`LICENSE`, `LICENSE.md` or a URL); add `license_link: LICENSE`.",
          path: ["license"],
        });
      } else if (!LICENSE_LINK.test(link)) {
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
