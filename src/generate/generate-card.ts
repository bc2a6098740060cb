import { stat } from "node:fs/promises";
import { type Metadata, ModelCard } from "../card/index.js";
import { type BaseModelCard, baseModelLayer } from "./base-model-card.js";
import { buildBodyContext } from "./build-body-context.js";
import { buildMetadata } from "./build-metadata.js";
import { checkFieldRanges } from "./check-field-ranges.js";
import { checkRepoName } from "./check-repo-name.js";
import { detectHardware, type HardwareProbe } from "./detect-hardware.js";
import { epochsContradiction } from "./epochs-contradiction.js";
import type { Explanation, GenerateWarning, InputWarning } from "./facts.js";
import { GenerateInputError } from "./generate-input-error.js";
import type { InputFieldName, InputValues } from "./input-fields.js";
import type { ConfigFile } from "./load-config-file.js";
import { BUILTIN_PROFILES } from "./profiles.js";
import { renderBody } from "./render-body.js";
import { renderPng } from "./render-png.js";
import { type Layer, resolveFields } from "./resolve-fields.js";
import { type RunFacts, readRunDirectory } from "./sources/read-run-directory.js";
import { TRAINER_STATE_FILE } from "./sources/trainer-state.js";
import { buildTrainingCurvesSvg } from "./training-curves-svg.js";

export interface GenerateCardParams {
  /** Values from the command line or the caller, by long option name: the highest precedence. */
  values?: InputValues;
  /** A config file read with `loadConfigFile`: below `values`, above the run directory. */
  config?: ConfigFile | null;
  /**
   * Probe this machine for the hardware when no flag, config or run file gives it (`--detect-hardware`, for a
   * card generated on the machine that trained). Absent or null: never, since the machine that runs `generate`
   * is usually not the one that trained.
   */
  hardwareProbe?: HardwareProbe | null;
  /** File name (without extension) of the training-curves images written beside the card; null for none. */
  curvesFileName?: string | null;
  /**
   * What the base model's card says: below the run directory, above a profile. Either the reading itself, or how
   * to read it (the CLI reads it from the Hub; generate never does), called once with the `base_model` the other
   * sources give, after the run is read and before anything is built.
   */
  baseModelCard?: BaseModelCard | null | ((baseModel: string) => Promise<BaseModelCard | null>);
}

export interface GeneratedAsset {
  /** Relative to the card's folder. */
  fileName: string;
  content: Buffer | string;
}

export interface GeneratedCard {
  card: ModelCard;
  metadata: Metadata;
  /** Every field with where its value came from (`--explain`). */
  explanations: Explanation[];
  /** Run-directory files that were skipped, each naming its file, and what was left out of the card (file null). */
  warnings: GenerateWarning[];
  /** Files to write next to the card: the training curves, PNG (shown on the Hub) and SVG. */
  assets: GeneratedAsset[];
}

/** The base model's card as given, or read by the caller's reader for the `base_model` the other sources name. */
async function baseModelCardOf(
  given: GenerateCardParams["baseModelCard"],
  baseModel: () => string | null,
): Promise<BaseModelCard | null> {
  if (typeof given !== "function") return given ?? null;
  const id = baseModel();
  return id === null ? null : given(id);
}

async function readRun(directory: string): Promise<{ run: RunFacts; warnings: InputWarning[] }> {
  const info = await stat(directory).catch(() => null);
  if (!info?.isDirectory()) {
    throw new GenerateInputError(`${directory}: not a directory; --from takes a training output directory.`);
  }
  const reading = await readRunDirectory(directory);
  if (!reading.facts) throw new GenerateInputError(`${directory}: cannot read the training output directory.`);
  return { run: reading.facts, warnings: reading.warnings };
}

function profileLayer(name: string | undefined, config: ConfigFile | null): Layer | null {
  if (name === undefined) return null;
  const own = (profiles: Record<string, InputValues> | undefined) =>
    profiles && Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  const values = own(config?.profiles) ?? own(BUILTIN_PROFILES);
  if (!values) {
    const known = [...Object.keys(config?.profiles ?? {}), ...Object.keys(BUILTIN_PROFILES)];
    throw new GenerateInputError(
      `unknown profile "${name}"; use one of ${known.join(", ")} or define it under "profiles:" in --config.`,
    );
  }
  const detail = own(config?.profiles) ? `${name} (${config?.file})` : name;
  return { values, provenance: () => ({ kind: "profile", detail }) };
}

/**
 * Generates a model card from what the caller says (`values`, a config file, a profile) and what a training
 * run left on disk (`values.from`), with precedence flag > config file > run directory > profile. Does not
 * write anything: the caller lints `card` and writes it and `assets` (the CLI does so atomically).
 */
export async function generateCard(params: GenerateCardParams = {}): Promise<GeneratedCard> {
  const values = params.values ?? {};
  const config = params.config ?? null;
  const from = values.from ?? config?.values.from;
  const { run, warnings } = from ? await readRun(from) : { run: null, warnings: [] as InputWarning[] };
  const layers: Layer[] = [{ values, provenance: (name) => ({ kind: "flag", detail: `--${name}` }) }];
  if (config) layers.push({ values: config.values, provenance: () => ({ kind: "config", detail: config.file }) });
  if (run) {
    const runValues = Object.fromEntries(Object.entries(run.fields).map(([name, fact]) => [name, fact.value]));
    layers.push({
      values: runValues,
      provenance: (name: InputFieldName) => run.fields[name]?.from ?? { kind: "run", detail: from ?? "" },
    });
  }
  const profile = profileLayer(values.profile ?? config?.values.profile, config);
  const base = await baseModelCardOf(params.baseModelCard, () => {
    const baseModel = resolveFields(profile ? [...layers, profile] : layers).fields["base-model"]?.value;
    return typeof baseModel === "string" ? baseModel : null;
  });
  if (base) layers.push(baseModelLayer(base));
  if (profile) layers.push(profile);
  const resolved = resolveFields(layers);
  const license = resolved.fields.license;
  if (base && license?.from.kind === "base-model") {
    // The licence's name and link go with the licence they describe, never with another one.
    if (base.licenseName !== undefined)
      resolved.custom.license_name ??= { value: base.licenseName, from: license.from };
    if (base.licenseLink !== undefined)
      resolved.custom.license_link ??= { value: base.licenseLink, from: license.from };
  }
  warnings.push(...checkFieldRanges(resolved.fields));
  checkRepoName(resolved.fields);

  const probe = params.hardwareProbe;
  if (!resolved.fields["hardware-info"] && probe) {
    const hardware = detectHardware(probe);
    if (hardware)
      resolved.fields["hardware-info"] = {
        value: hardware,
        from: { kind: "detected", detail: "on this machine, --detect-hardware (nvidia-smi, else the CPU)" },
      };
  }

  const undecided = run?.taskUndecidedBy;
  if (undecided && !resolved.fields["pipeline-tag"]) {
    warnings.push({
      code: "no-pipeline-tag",
      file: undecided.file,
      message: `${undecided.what} does not decide the Hub task (an encoder-decoder may translate, summarize or more); pipeline_tag is left out: give it with --pipeline-tag, e.g. --pipeline-tag summarization`,
    });
  }
  const basePath = run?.baseModelPath;
  if (basePath && !resolved.fields["base-model"]) {
    warnings.push({
      code: "base-model-path",
      file: basePath.file,
      // The file is read; only the value is unusable: --strict does not refuse for it.
      severity: "note",
      message: `${basePath.key} is ${JSON.stringify(basePath.value)}, not a Hub model id (owner/name), so base_model is left out: give the base model's Hub id with --base-model, e.g. --base-model HuggingFaceTB/SmolLM3-3B`,
    });
  }
  const epochs = epochsContradiction(resolved.fields, run);
  if (epochs) warnings.push({ code: "epochs-contradiction", file: TRAINER_STATE_FILE, message: epochs.message });
  const built = buildMetadata(resolved, run);
  if (run && run.variants.length === 0 && built.variants.length > 0) {
    warnings.push({
      code: "no-variant-folder",
      file: ".",
      message: `quantized variants are claimed (${built.variants.map((variant) => variant.label).join(", ")}) but the run has no int8/ or int4/ folder, nor one whose config.json has a quantization_config, so push will not send one; the card gives nominal figures and no loading snippet for them`,
    });
  }
  const assets: GeneratedAsset[] = [];
  const curvesName = params.curvesFileName === undefined ? "training_curves" : params.curvesFileName;
  let curvesImage: string | null = null;
  const svg =
    run?.trainingLog && curvesName
      ? buildTrainingCurvesSvg(
          run.trainingLog,
          built.modelName ? `${built.modelName}: training and validation loss` : undefined,
        )
      : null;
  if (svg && curvesName) {
    curvesImage = `${curvesName}.png`;
    assets.push({ fileName: curvesImage, content: renderPng(svg) }, { fileName: `${curvesName}.svg`, content: svg });
    built.explanations.push({
      field: "body: training curves",
      value: curvesImage,
      from: { kind: "run", detail: "trainer_state.json log_history" },
    });
  }

  const template = values.template ?? config?.values.template;
  const rendered = renderBody(buildBodyContext(built, resolved.fields, run, curvesImage, built.explanations), template);
  // A template in huggingface_hub's style writes its own front matter ({{ card_data }}); its extra keys are kept.
  const fromTemplate = ModelCard.parse(rendered);
  const metadata = fromTemplate.hasFrontMatter ? { ...fromTemplate.metadata, ...built.metadata } : built.metadata;
  const body = fromTemplate.hasFrontMatter ? fromTemplate.body : rendered;
  const card = ModelCard.create(metadata, `\n${body.replace(/^\n+/, "")}`);
  return { card, metadata, explanations: built.explanations, warnings: [...warnings, ...built.warnings], assets };
}
