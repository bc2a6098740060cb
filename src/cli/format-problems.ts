import type { CardProblem } from "../card/index.js";

/** `README.md:3:7: error duplicate-key: Map keys must be unique` — one line per problem. */
export function formatProblems(file: string, problems: readonly CardProblem[]): string {
  return problems
    .map(
      (problem) =>
        `${file}:${problem.line}:${problem.column}: ${problem.severity} ${problem.code}: ${problem.message}\n`,
    )
    .join("");
}
