import type { DefineCommand } from "../command.js";

export interface CommandEntry {
  /** How `modelcard --help` lists it, as commander would write it for the loaded command. */
  term: string;
  summary: string;
  load: () => Promise<DefineCommand>;
}

/**
 * Every command, in the order `modelcard --help` lists them. Each is imported only when it runs: start-up pays
 * for one command's dependencies, and `--help` and `--version` for none (a test keeps `term` and `summary` in step
 * with the commands themselves).
 */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  generate: {
    term: "generate [options]",
    summary: "Write a model card from options, a config file, a profile and a training output directory (--from).",
    load: async () => (await import("./generate.js")).generateCommand,
  },
  inspect: {
    term: "inspect [options] <card>",
    summary: "Show how a card reads: metadata, evaluation results, body and problems.",
    load: async () => (await import("./inspect.js")).inspectCommand,
  },
  update: {
    term: "update [options] <card>",
    summary: "Edit a card's metadata in place; only the lines of the keys you change are touched.",
    load: async () => (await import("./update.js")).updateCommand,
  },
  lint: {
    term: "lint [options] [paths...]",
    summary:
      "Check cards against the Hub's rules and more: files, folders (every README.md and card below) or - for stdin.",
    load: async () => (await import("./lint.js")).lintCommand,
  },
  eval: {
    term: "eval",
    summary:
      "Import evaluation-harness results (lm-evaluation-harness, lighteval) into the card's model-index and .eval_results/.",
    load: async () => (await import("./eval.js")).evalCommand,
  },
  push: {
    term: "push [options] [path]",
    summary:
      "Publish a card, or a whole training run (card, training curves, weights, tokenizer, quantized folders, results), to a Hugging Face model repository in one commit.",
    load: async () => (await import("./push.js")).pushCommand,
  },
  preview: {
    term: "preview [options] [card]",
    summary:
      "Show a card as its model page would: a live local page with chips, results and lint, or --out static files.",
    load: async () => (await import("./preview.js")).previewCommand,
  },
};
