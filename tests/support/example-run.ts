import { cpSync } from "node:fs";
import { basename } from "node:path";

/**
 * Copies a run folder such as `examples/smollm3-openhermes-fr/` without what the README's first command writes into
 * it (its README.md and training curves, which git ignores): a test starts from the run, whether or not a user
 * has generated the example's card in the checkout.
 */
export function copyRunFolder(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    filter: (source) => !/^(README\.md|training_curves(-[0-9a-f]{8})?\.(png|svg))$/.test(basename(source)),
  });
}
