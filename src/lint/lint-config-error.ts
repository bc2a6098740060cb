import { ModelcardError } from "../errors/modelcard-error.js";

/** A configuration the engine cannot use (unknown rule id, bad severity or option): the CLI exits with code 2. */
export class LintConfigError extends ModelcardError {
  override readonly name = "LintConfigError";
  readonly code = "INVALID_LINT_CONFIG";
}
