import type { FieldFacts, Provenance } from "./facts.js";
import { formatQuantity } from "./format-quantity.js";
import type { RunFacts } from "./sources/read-run-directory.js";
import { TRAINER_STATE_FILE } from "./sources/trainer-state.js";

export interface EpochsContradiction {
  /** The configured epochs (`max_epochs`, `num_epochs`) and where they came from. */
  configured: number;
  configuredFrom: Provenance;
  /** The epoch trainer_state.json shows the training reached. */
  trained: number;
  message: string;
}

/** Epochs are logged rounded (transformers rounds to two decimals); closer than this they agree. */
const TOLERANCE = 0.01;

/**
 * The configured number of epochs against the epoch the run's log reached, when they disagree (a resumed run
 * that trained on, a `max_steps` that stopped early): the card keeps the configured value where it is
 * configured and states the epochs trained beside it, with a warning. Null when they agree or one is unknown.
 */
export function epochsContradiction(fields: FieldFacts, run: RunFacts | null): EpochsContradiction | null {
  const configured = fields["max-epochs"];
  const trained = run?.trainerState?.epochsTrained;
  if (!configured || trained === undefined || Math.abs(configured.value - trained) < TOLERANCE) return null;
  const source = configured.from.kind === "run" ? configured.from.detail : `--max-epochs (${configured.from.kind})`;
  return {
    configured: configured.value,
    configuredFrom: configured.from,
    trained,
    message: `the run is configured for ${formatQuantity(configured.value)} epochs (${source}) but ${TRAINER_STATE_FILE} shows it trained ${formatQuantity(trained)}; the card keeps max_epochs: ${formatQuantity(configured.value)} as configured and states the ${formatQuantity(trained)} epochs trained in the body`,
  };
}
