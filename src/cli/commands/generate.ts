import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Command } from "commander";
import type { EvalImportPlan } from "../../eval-import/index.js";
import { coerceInputValue } from "../../generate/coerce-input-value.js";
import { systemHardwareProbe } from "../../generate/detect-hardware.js";
import type { GenerateWarning } from "../../generate/facts.js";
import { formatExplanations } from "../../generate/format-explanations.js";
import type { generateCard } from "../../generate/generate-card.js";
import { GenerateInputError } from "../../generate/generate-input-error.js";
import { INPUT_FIELDS, type InputFieldName, type InputValues } from "../../generate/input-fields.js";
import { type ConfigFile, loadConfigFile } from "../../generate/load-config-file.js";
import { replaceCardAndImages } from "../../io/replace-card-and-images.js";
import { findLintConfig, LintConfigError, lintCard, loadLintConfig } from "../../lint/index.js";
import type { DefineCommand } from "../command.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { generateWithBaseModel } from "../generate-with-base-model.js";
import { isOffline } from "../hub-card-target.js";
import { parseSetFlag } from "../parse-assignments.js";

interface SwitchFlags {
  config?: string;
  explain?: boolean;
  detectHardware?: boolean;
  strict?: boolean;
  stdout?: boolean;
  force?: boolean;
  offline?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
const PATH_FIELDS: readonly InputFieldName[] = ["from", "template", "output"];

function parseSpeedup(flag: string): [string, string] {
  const equals = flag.indexOf("=");
  if (equals <= 0) throw new UsageError(`--speedup ${flag}: expected VARIANT=FACTOR, e.g. --speedup int8=1.6`);
  return [flag.slice(0, equals).trim(), flag.slice(equals + 1).trim()];
}

/** Commander's parsed flags -> typed input values; a value of the wrong type is a usage error naming the flag. */
function inputValues(flags: Record<string, unknown>, cwd: string): InputValues {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(INPUT_FIELDS) as InputFieldName[]) {
    let raw = flags[camel(name)];
    if (raw === undefined) continue;
    if (name === "set") raw = Object.fromEntries((raw as string[]).map(parseSetFlag));
    if (name === "speedup") raw = Object.fromEntries((raw as string[]).map(parseSpeedup));
    const coerced = coerceInputValue(name, raw);
    if ("error" in coerced) throw new UsageError(`--${name} ${JSON.stringify(raw)}: ${coerced.error}`);
    values[name] =
      PATH_FIELDS.includes(name) && typeof coerced.value === "string" ? resolve(cwd, coerced.value) : coerced.value;
  }
  return values as InputValues;
}

/** Run-file warnings cite the file; warnings about the card cite the card (`card`: its path, or `<stdout>`). */
function formatWarnings(
  directory: string,
  card: string,
  warnings: readonly GenerateWarning[],
  strict: boolean,
): string {
  return warnings
    .map((warning) => {
      const where = warning.file === null ? card : join(directory, warning.file);
      const severity = warning.severity ?? (strict && warning.file !== null ? "error" : "warning");
      return `${where}: ${severity} ${warning.code}: ${warning.message}\n`;
    })
    .join("");
}

/** The options that give what a lint rule found missing or wrong in a generated card. */
const FLAGS_BY_RULE: Record<string, string> = {
  license: "--license",
  "pipeline-tag": "--pipeline-tag",
  "library-name": "--library-name",
  language: "--language",
  "hub-id": "--base-model, --dataset-repo",
  "quantization-types": "--quantization-type",
};

export const generateCommand: DefineCommand = ({ io, exit }) => {
  const command = new Command("generate").description(
    "Write a model card from options, a config file, a profile and a training output directory (--from).",
  );
  for (const [name, spec] of Object.entries(INPUT_FIELDS)) {
    if (spec.type === "boolean") command.option(`--${name}`, spec.description);
    else if (spec.type === "string-list") command.option(`--${name} <value>`, spec.description, collect);
    else if (name === "set") command.option("--set <key=yaml>", spec.description, collect);
    else if (name === "speedup") command.option("--speedup <variant=factor>", spec.description, collect);
    else command.option(`--${name} <${spec.type === "string" ? "value" : spec.type}>`, spec.description);
  }
  return command
    .option("--config <file>", "a YAML or JSON file holding any of these options by long name, and profiles")
    .option("--explain", "print every field with where its value came from (on stderr)")
    .option(
      "--detect-hardware",
      "when no option, config or run file gives the hardware, take this machine's (nvidia-smi, else the CPU)",
    )
    .option("--strict", "treat unreadable or corrupt run files as errors")
    .option("--stdout", "print the card on stdout instead of writing it (no training-curve images)")
    .option("--force", "overwrite an existing card and images")
    .option("--offline", "do not read the base model's card from the Hub (also HF_HUB_OFFLINE=1)")
    .action(async (flags: SwitchFlags & Record<string, unknown>) => {
      const values = inputValues(flags, io.cwd);
      let config: ConfigFile | null = null;
      let generated: Awaited<ReturnType<typeof generateCard>>;
      try {
        if (flags.config) config = await loadConfigFile(resolve(io.cwd, flags.config));
        const params = {
          values,
          config,
          curvesFileName: flags.stdout ? null : "training_curves",
          hardwareProbe: flags.detectHardware ? systemHardwareProbe : null,
        };
        generated = await generateWithBaseModel(params, io, isOffline(io, flags.offline));
      } catch (error) {
        if (error instanceof GenerateInputError) throw new UsageError(error.message);
        throw error;
      }
      const from = values.from ?? config?.values.from;
      const output = values.output ?? config?.values.output ?? join(from ?? io.cwd, "README.md");
      let harnessPlan: EvalImportPlan | null = null;
      if (from) {
        const { importRunHarnessResults } = await import("../import-run-harness-results.js");
        const imported = await importRunHarnessResults(generated.card, from, io, isOffline(io, flags.offline));
        harnessPlan = imported.plan;
        if (imported.explanations.length > 0)
          generated = { ...generated, explanations: [...generated.explanations, ...imported.explanations] };
      }
      // With --stdout no file is written: messages about the card cite what is.
      const cardName = flags.stdout ? "<stdout>" : output;
      if (flags.explain) io.stderr(formatExplanations(generated.explanations));
      if (generated.warnings.length > 0) {
        io.stderr(formatWarnings(from ?? io.cwd, cardName, generated.warnings, Boolean(flags.strict)));
        const refused = generated.warnings.some((warning) => warning.file !== null && warning.severity !== "note");
        if (flags.strict && refused) {
          io.stderr(`${cardName}: not written; fix or remove the files above, or run without --strict.\n`);
          exit(EXIT.refused);
          return;
        }
      }
      const text = generated.card.toString();
      // The same rules `modelcard lint` applies to the written card: the config nearest its folder, else the defaults.
      const lintConfigPath = findLintConfig(dirname(output));
      let lintConfig: Awaited<ReturnType<typeof loadLintConfig>>;
      try {
        lintConfig = await loadLintConfig(lintConfigPath ?? undefined, dirname(output));
      } catch (error) {
        if (error instanceof LintConfigError) throw new UsageError(error.message);
        throw error;
      }
      const messages = lintCard(generated.card, { filePath: output, config: lintConfig });
      io.stderr(
        messages
          .map(
            (message) =>
              `${cardName}:${message.line}:${message.column}: ${message.severity} ${message.ruleId}: ${message.message}\n`,
          )
          .join(""),
      );
      const errors = messages.filter((message) => message.severity === "error");
      if (errors.length > 0) {
        const named = [...new Set(errors.flatMap((message) => FLAGS_BY_RULE[message.ruleId] ?? []))];
        const options = named.length > 0 ? `their options (${named.join(", ")})` : "their options (see --help)";
        io.stderr(
          `${cardName}: the generated card has errors (see above); nothing was written. Give the missing or wrong values with ${options}, a --config file or a --profile, then run again.\n`,
        );
        exit(EXIT.refused);
        return;
      }
      if (flags.stdout) {
        io.stdout(text);
        if (harnessPlan && harnessPlan.entries.length > 0)
          io.stderr(
            "note: with --stdout, no .eval_results/ entry is written; run without it, or use modelcard eval import\n",
          );
        exit(EXIT.ok);
        return;
      }
      const folder = dirname(output);
      const targets = [output, ...generated.assets.map((asset) => join(folder, asset.fileName))];
      const existing = targets.filter((target) => existsSync(target));
      if (existing.length > 0 && !flags.force) {
        io.stderr(`${existing.join(", ")}: already exists; pass --force to overwrite. Nothing was written.\n`);
        exit(EXIT.refused);
        return;
      }
      await mkdir(folder, { recursive: true });
      const written = await replaceCardAndImages({ cardPath: output, cardText: text, images: generated.assets });
      io.stderr(`wrote ${[output, ...written.imagePaths].join(", ")}\n`);
      if (harnessPlan && harnessPlan.entries.length > 0) {
        const { writeRunEvalResults } = await import("../write-run-eval-results.js");
        await writeRunEvalResults(harnessPlan, folder, text, io);
      }
      exit(EXIT.ok);
    });
};
