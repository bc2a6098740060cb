import { type CardProblem, problemText } from "../card/problem.js";

/** `README.md:3:7: error yaml-syntax: duplicated mapping key` — one line per problem, one position. */
export function formatProblems(file: string, problems: readonly CardProblem[]): string {
  return problems
    .map(
      (problem) =>
        `${file}:${problem.line}:${problem.column}: ${problem.severity} ${problem.code}: ${problemText(problem)}\n`,
    )
    .join("");
}
