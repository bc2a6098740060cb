import { ModelcardError } from "../errors/modelcard-error.js";

/** A bad option, config file or profile given to `generateCard`: the message names it and says what to do. */
export class GenerateInputError extends ModelcardError {
  override readonly name = "GenerateInputError";
  readonly code = "INVALID_GENERATE_INPUT";
}
