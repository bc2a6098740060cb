/**
 * The floors of `src/`, bottom up: a module imports only from its own folder and from floors below it. Folders on
 * the same floor do not import each other (lint/ and generate/ are siblings; so are card/ and vocabulary/).
 * `index.ts` is the public barrel, above everything.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ["errors"],
  // Files: reading and atomic writing, below the card that reads its bytes through them.
  ["io"],
  ["card", "vocabulary"],
  // The scores in .eval_results/: read and edited like the card, with its reader and writer.
  ["eval-results"],
  // Harness results read and turned into model-index results and .eval_results/ entries.
  ["lint", "generate", "eval-import"],
  ["hub"],
  ["preview"],
  ["cli"],
  ["index.ts"],
];

/** Imports the floors would allow but the design forbids, with why. */
export const FORBIDDEN: readonly { from: string; to: string; why: string }[] = [
  { from: "hub", to: "generate", why: "hub/ takes a card; generating one before a push is the CLI's composition" },
];

/** The files that may import a computed specifier, and what they load (never a module of src/). */
export const COMPUTED_IMPORTS: Readonly<Record<string, string>> = {
  "lint/load-lint-config.ts": "the user's modelcard.config.js",
};
