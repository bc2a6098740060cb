import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Command } from "commander";
import { createTwoFilesPatch } from "diff";
import { CardEditRefusedError, ModelCard } from "../../card/index.js";
import { writeFileAtomically } from "../../io/write-file-atomically.js";
import type { DefineCommand } from "../command.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { hubTarget } from "../hub-card-target.js";
import { parseEvalFlag, parseSetFlag } from "../parse-assignments.js";
import { parseAddResultFlag, parseRemoveResultFlag } from "../parse-result-flags.js";
import { readCardArgument } from "../read-card.js";
import { updateEvalResults } from "../update-eval-results.js";

interface UpdateFlags {
  set: string[];
  unset: string[];
  addEval: string[];
  addResult: string[];
  removeResult: string[];
  overwrite?: boolean;
  dryRun?: boolean;
  modelName?: string;
  revision?: string;
  createPr?: boolean;
  message?: string;
  offline?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const updateCommand: DefineCommand = ({ io, exit }) =>
  new Command("update")
    .description("Edit a card's metadata in place; only the lines of the keys you change are touched.")
    .argument(
      "<card>",
      "the card file (created when missing), the model folder holding it and .eval_results/, or a model on the Hub: hf://OWNER/NAME or OWNER/NAME",
    )
    .option("--set <key=yaml>", "set a key to a YAML value (repeatable)", collect, [])
    .option("--unset <key>", "remove a key (repeatable)", collect, [])
    .option(
      "--add-eval <field=value,...>",
      "add an evaluation result (repeatable), e.g. taskType=text-generation,datasetType=org/ds,datasetName=DS,metricType=loss,metricValue=2.1",
      collect,
      [],
    )
    .option(
      "--add-result <field=value,...>",
      "add a score to the folder's .eval_results/<benchmark>.yaml (repeatable), e.g. dataset.id=Idavidrein/gpqa,task_id=gpqa_diamond,value=63.3,date=2026-02-03",
      collect,
      [],
    )
    .option(
      "--remove-result <dataset:task>",
      "remove a score from .eval_results/ (repeatable): DATASET_ID:TASK_ID, or DATASET_ID:TASK_ID:NOTES",
      collect,
      [],
    )
    .option("--model-name <name>", "the model-index entry that --add-eval adds to (default: the card's model name)")
    .option("--overwrite", "replace existing non-null values and metric values")
    .option("--dry-run", "print a diff on stdout instead of writing (or committing)")
    .option("--revision <rev>", "on the Hub: the branch to commit to, or the tag, commit id or refs/pr/N to start from")
    .option("--create-pr", "on the Hub: open a pull request instead of committing to the branch")
    .option("--message <text>", "on the Hub: the commit title (default: Update metadata: KEY, ...)")
    .option("--offline", "never contact the Hub (also HF_HUB_OFFLINE=1)")
    .action(async (argument: string, flags: UpdateFlags) => {
      const assignments = flags.set.map(parseSetFlag);
      const evalResults = flags.addEval.map(parseEvalFlag);
      const target = hubTarget(argument, { cwd: io.cwd, allowBareId: true });
      if (target) {
        const { revision, createPr, message, dryRun, offline } = flags;
        const remote = { revision, createPr, message, dryRun, offline };
        const edits = { assignments, evalResults, unset: flags.unset, overwrite: Boolean(flags.overwrite) };
        const { updateHubCard } = await import("../update-hub-card.js");
        exit(await updateHubCard(target, { ...edits, modelName: flags.modelName, ...remote }, io));
        return;
      }
      const hubOnly = ["revision", "createPr", "message"].filter(
        (key) => flags[key as keyof UpdateFlags] !== undefined,
      );
      if (hubOnly.length > 0) {
        throw new UsageError(
          `${argument}: --revision, --create-pr and --message apply to a card on the Hub (hf://OWNER/NAME)`,
        );
      }
      const scores = {
        add: flags.addResult.map(parseAddResultFlag),
        remove: flags.removeResult.map(parseRemoveResultFlag),
      };
      // A folder stands for its README.md; scores go to the card's folder's .eval_results/.
      const isFolder = statSync(resolve(io.cwd, argument), { throwIfNoEntry: false })?.isDirectory() ?? false;
      const file = isFolder ? join(argument, "README.md") : argument;
      const path = resolve(io.cwd, file);
      if (scores.add.length + scores.remove.length > 0) {
        const changes = {
          ...scores,
          folder: dirname(path),
          overwrite: Boolean(flags.overwrite),
          dryRun: Boolean(flags.dryRun),
        };
        if (!(await updateEvalResults(changes, io))) {
          exit(EXIT.refused);
          return;
        }
        // Only scores asked for: the card is left alone.
        if (assignments.length + evalResults.length + flags.unset.length === 0) {
          exit(EXIT.ok);
          return;
        }
      }
      const exists = existsSync(path);
      const card = exists ? await readCardArgument(file, io) : ModelCard.parse("");
      const before = card.toString();
      try {
        const overwrite = Boolean(flags.overwrite);
        card.update(Object.fromEntries(assignments), { overwrite });
        for (const result of evalResults) card.addEvalResult(result, { overwrite, modelName: flags.modelName });
        for (const key of flags.unset) card.delete(key);
      } catch (error) {
        if (!(error instanceof CardEditRefusedError)) throw error;
        io.stderr(`${file}: ${error.message}; nothing was written.\n`);
        exit(EXIT.refused);
        return;
      }
      const after = card.toString();
      if (flags.dryRun) {
        io.stdout(
          after === before ? "" : createTwoFilesPatch(file, file, before, after, undefined, undefined, { context: 3 }),
        );
      } else if (after !== before) {
        await writeFileAtomically(path, after);
        io.stderr(`${exists ? "updated" : "created"} ${file}\n`);
      } else {
        io.stderr(`${file}: nothing to change\n`);
      }
      exit(EXIT.ok);
    });
