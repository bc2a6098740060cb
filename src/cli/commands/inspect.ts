import { statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Command } from "commander";
import type { ModelCard } from "../../card/index.js";
import { type EvalResultsFolderFile, readEvalResultsFolder } from "../../eval-results/index.js";
import type { DefineCommand } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { evalResultsInspection, formatEvalResultsFolder } from "../format-eval-results-folder.js";
import { formatProblems } from "../format-problems.js";
import { hubTarget, readHubCard } from "../hub-card-target.js";
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
    .argument(
      "<card>",
      "the card file (README.md), its folder, - for stdin, or a model on the Hub: hf://OWNER/NAME or OWNER/NAME",
    )
    .option("--json", "print the whole reading as JSON on stdout")
    .option("--revision <rev>", "for a card on the Hub: a branch, tag, commit id or refs/pr/N (default: main)")
    .option("--offline", "never contact the Hub (also HF_HUB_OFFLINE=1)")
    .action(async (argument: string, options: { json?: boolean; revision?: string; offline?: boolean }) => {
      const target = hubTarget(argument, { cwd: io.cwd, allowBareId: true });
      const remote = target ? await readHubCard(target, options, io) : null;
      const local = argument === "-" || remote ? null : resolve(io.cwd, argument);
      const isFolder = local !== null && (statSync(local, { throwIfNoEntry: false })?.isDirectory() ?? false);
      const path = isFolder ? join(argument, "README.md") : argument;
      const card = remote ? remote.card : await readCardArgument(path, io);
      // A card on the Hub is named hf://owner/name@revision/README.md, with the commit it was read at.
      const file = remote ? remote.name : path;
      const source = remote ? { source: remote.name, commit: remote.commit } : {};
      // The scores the Hub shows from the card's folder, beside the model-index.
      const scores = local === null ? [] : await readEvalResultsFolder(dirname(resolve(io.cwd, path)));
      const reading = {
        ...source,
        ...inspection(card),
        ...(scores.length > 0 && { evalResultsFiles: evalResultsInspection(scores) }),
      };
      if (options.json) io.stdout(`${JSON.stringify(reading, null, 2)}\n`);
      else io.stdout(summary(file, card, scores));
      io.stderr(formatProblems(file, card.problems));
      exit(card.problems.some((problem) => problem.severity === "error") ? EXIT.refused : EXIT.ok);
    });
