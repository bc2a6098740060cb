import type { ModelCard } from "../card/index.js";
import type { PushProblem } from "./push-problem.js";

/** The local check run before anything is sent; pushModelCard takes another one through `validate`. */
export type LocalCardCheck = (
  card: ModelCard,
  context: { filePath: string },
) => readonly PushProblem[] | Promise<readonly PushProblem[]>;

/** The card's own reading problems (YAML syntax, duplicate keys, a model-index the Hub would reject, ...). */
export const checkCardLocally: LocalCardCheck = (card) =>
  card.problems.map((problem) => ({
    source: "card",
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
    line: problem.line,
    column: problem.column,
  }));
