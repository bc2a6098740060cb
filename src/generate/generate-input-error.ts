/** A bad option, config file or profile given to `generateCard`: the message names it and says what to do. */
export class GenerateInputError extends Error {
  override readonly name = "GenerateInputError";
}
