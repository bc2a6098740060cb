/**
 * Every value `modelcard generate` takes, by its long option name. The same names are used on the command line,
 * in a `--config` file and in a profile, so precedence (flag > config file > run directory > profile) compares
 * like with like.
 */
export const INPUT_FIELDS = {
  from: { type: "string", description: "a training output directory to read" },
  profile: { type: "string", description: "a profile of defaults (built in: smollm3)" },
  "repo-name": { type: "string", description: "the Hub repository, owner/name" },
  "model-name": { type: "string", description: "the model's display name (model-index name)" },
  "dataset-name": { type: "string", description: "the training dataset's name" },
  "training-config": { type: "string", description: "the training configuration's name, e.g. 'H100 Lightweight'" },
  "batch-size": { type: "integer", description: "per-device training batch size" },
  "learning-rate": { type: "number", description: "learning rate" },
  "max-epochs": { type: "number", description: "number of training epochs" },
  "max-seq-length": { type: "integer", description: "maximum sequence length" },
  "gradient-accumulation-steps": { type: "integer", description: "gradient accumulation steps" },
  "trainer-type": { type: "string", description: "the trainer, e.g. SFTTrainer" },
  "training-loss": { type: "number", description: "final training loss" },
  "validation-loss": { type: "number", description: "final validation loss" },
  perplexity: { type: "number", description: "perplexity (default: exp(validation loss))" },
  "quantized-models": { type: "boolean", description: "quantized variants are published (int8/ and int4/)" },
  "hardware-info": {
    type: "string",
    description: "the training hardware, e.g. '1 x NVIDIA H100 80GB' ('' for none)",
    clearable: true,
  },
  "author-name": { type: "string", description: "the model's author" },
  "experiment-name": { type: "string", description: "experiment tracking name" },
  "trackio-url": { type: "string", description: "experiment tracking URL" },
  "dataset-repo": { type: "string", description: "the dataset's Hub repository, owner/name" },
  "dataset-sample-size": { type: "integer", description: "number of training samples used" },
  template: { type: "string", description: "a Jinja2/nunjucks template for the body" },
  output: { type: "string", description: "where to write the card (default: README.md, in --from when given)" },
  "base-model": { type: "string", description: "the base model's Hub id" },
  language: { type: "string-list", description: "a language code (repeatable)" },
  license: { type: "string", description: "a Hub license id" },
  "library-name": { type: "string", description: "the library, e.g. transformers or peft" },
  "pipeline-tag": { type: "string", description: "the Hub task, e.g. text-generation" },
  tag: { type: "string-list", description: "an extra tag (repeatable)" },
  "quantization-type": { type: "string-list", description: "a quantization type, e.g. int8_weight_only (repeatable)" },
  speedup: {
    type: "number-map",
    description: "a measured inference speed-up of a variant, e.g. int8=1.6 (repeatable)",
  },
  set: { type: "value-map", description: "a user-defined metadata field, KEY=YAML (repeatable)" },
  family: { type: "string", description: "the model family tag, e.g. smollm3 (default: config.json model_type)" },
  "architecture-kind": { type: "string", description: "the architecture tag, e.g. causal-lm" },
} as const satisfies Record<string, { type: InputFieldType; description: string; clearable?: true }>;

export type InputFieldType = "string" | "integer" | "number" | "boolean" | "string-list" | "number-map" | "value-map";
export type InputFieldName = keyof typeof INPUT_FIELDS;

/** The value type of an input field of each type. */
export type InputFieldValue<T extends InputFieldType> = T extends "string"
  ? string
  : T extends "integer" | "number"
    ? number
    : T extends "boolean"
      ? boolean
      : T extends "string-list"
        ? string[]
        : T extends "number-map"
          ? Record<string, number>
          : Record<string, unknown>;

/** Typed input values, keyed by long option name; absent means "not given here". */
export type InputValues = { [Name in InputFieldName]?: InputFieldValue<(typeof INPUT_FIELDS)[Name]["type"]> };

export function isInputFieldName(name: string): name is InputFieldName {
  return Object.hasOwn(INPUT_FIELDS, name);
}
