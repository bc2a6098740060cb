import { evalResultsDatasetId } from "./eval-results-dataset-id.js";
import { evalResultsDate } from "./eval-results-date.js";
import { evalResultsDuplicate } from "./eval-results-duplicate.js";
import { evalResultsRequired } from "./eval-results-required.js";
import type { EvalResultsRule } from "./eval-results-rule.js";
import { evalResultsSourceUrl } from "./eval-results-source-url.js";
import { evalResultsUnknownKey } from "./eval-results-unknown-key.js";
import { evalResultsValue } from "./eval-results-value.js";
import { evalResultsVerifyToken } from "./eval-results-verify-token.js";
import { evalResultsYaml } from "./eval-results-yaml.js";

/** The rules of `.eval_results/*.yaml` files, in the order they run: syntax, required keys, values, consistency. */
export const EVAL_RESULTS_RULES: readonly EvalResultsRule[] = [
  evalResultsYaml,
  evalResultsRequired,
  evalResultsValue,
  evalResultsSourceUrl,
  evalResultsDate,
  evalResultsDatasetId,
  evalResultsUnknownKey,
  evalResultsDuplicate,
  evalResultsVerifyToken,
];
