import { ModelcardError } from "../errors/index.js";

/** A file given as harness results that is neither lm-evaluation-harness's nor lighteval's results JSON. */
export class HarnessResultsError extends ModelcardError {
  override readonly name = "HarnessResultsError";
  readonly code = "HARNESS_RESULTS_UNREADABLE" as const;

  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
