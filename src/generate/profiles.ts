import type { InputValues } from "./input-fields.js";

/**
 * Built-in profiles: defaults for a family of fine-tunes, the lowest layer of precedence. Users add their own
 * under `profiles:` in a `--config` file, with the same option names.
 */
export const BUILTIN_PROFILES: Record<string, InputValues> = {
  /** The seed's pipeline: SmolLM3-3B fine-tuned with TRL's SFTTrainer, English and French. */
  smollm3: {
    "base-model": "HuggingFaceTB/SmolLM3-3B",
    language: ["en", "fr"],
    license: "apache-2.0",
    "library-name": "transformers",
    "pipeline-tag": "text-generation",
    "trainer-type": "SFTTrainer",
    family: "smollm3",
    "architecture-kind": "causal-lm",
  },
};
