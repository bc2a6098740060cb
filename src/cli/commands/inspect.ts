import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command } from "commander";
import type { ModelCard } from "../../card/index.js";
import { type EvalResultsFolderFile, readEvalResultsFolder } from "../../eval-results/index.js";
import type { DefineCommand } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { evalResultsInspection, formatEvalResultsFolder } from "../format-eval-results-folder.js";
import { formatProblems } from "../format-problems.js";
import { readCardArgument } from "../read-card.js";

/** The JSON shape of `modelcard inspect --json`. */
export function inspection(card: ModelCard) {
  return {
    hasFrontMatter: card.hasFrontMatter,
    lineEnding: card.lineEnding,
    metadata: card.metadata,
    modelName: card.modelName,
    evalResults: card.evalResults,
    body: card.body,
    problems: card.problems,
  };
}

function summary(file: string, card: ModelCard, scores: readonly EvalResultsFolderFile[]): string {
  const keys = Object.keys(card.metadata);
  const lines = [
    `${file}`,
    `  front matter: ${card.hasFrontMatter ? `${keys.length} keys (${keys.join(", ") || "none"})` : "none"}`,
    `  line endings: ${card.lineEnding}`,
    `  model name:   ${card.modelName ?? "-"}`,
    `  eval results: ${card.evalResults === null ? "none" : `${card.evalResults.length} (model-index)`}`,
    `  body:         ${card.body.length} characters`,
    ...(scores.length > 0 ? formatEvalResultsFolder(scores) : []),
  ];
  return `${lines.join("\n")}\n`;
}

export const inspectCommand: DefineCommand = ({ io, exit }) =>
  new Command("inspect")
    .description("Show how a card reads: metadata, evaluation results, body and problems.")
    .argument("<card>", "the card file (README.md), its folder, or - for stdin")
    .option("--json", "print the whole reading as JSON on stdout")
    .action(async (target: string, options: { json?: boolean }) => {
      const isFolder = target !== "-" && (statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false);
      const file = isFolder ? join(target, "README.md") : target;
      const card = await readCardArgument(file, io);
      // The scores the Hub shows from the card's folder, beside the model-index.
      const scores = file === "-" ? [] : await readEvalResultsFolder(dirname(file));
      const reading =
        scores.length > 0 ? { ...inspection(card), evalResultsFiles: evalResultsInspection(scores) } : inspection(card);
      if (options.json) io.stdout(`${JSON.stringify(reading, null, 2)}\n`);
      else io.stdout(summary(file, card, scores));
      io.stderr(formatProblems(file, card.problems));
      exit(card.problems.some((problem) => problem.severity === "error") ? EXIT.refused : EXIT.ok);
    });
