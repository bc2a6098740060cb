import { EvalResultsFile, keyOfEntryData } from "../../../eval-results/index.js";
import { describeEntry, type EvalResultsRule, isRecord } from "./eval-results-rule.js";

export const evalResultsVerifyToken: EvalResultsRule = {
  id: "eval-results-verify-token",
  description:
    "A `verifyToken` proves the score of an audited run: an entry whose `value` changed since the last commit while keeping its token is reported.",
  defaultSeverity: "warning",
  fixable: false,
  check({ entries, committedText }, report) {
    if (committedText === null) return;
    const committed = EvalResultsFile.parse(committedText).items;
    for (const entry of entries) {
      if (!isRecord(entry.data) || typeof entry.data.verifyToken !== "string") continue;
      const key = keyOfEntryData(entry.data);
      const before = committed.find((item) => {
        const other = keyOfEntryData(item.data);
        return other !== null && key !== null && JSON.stringify(other) === JSON.stringify(key);
      });
      if (!before || !isRecord(before.data) || before.data.value === entry.data.value) continue;
      report({
        message: `${describeEntry(entry)} keeps its verifyToken but its value changed since the last commit (${JSON.stringify(before.data.value)} → ${JSON.stringify(entry.data.value)}); the token vouches for the evaluated score, so restore the value or remove verifyToken.`,
        path: [...entry.path, "value"],
        atValue: true,
      });
    }
  },
};
