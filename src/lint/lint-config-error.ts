/** A configuration the engine cannot use (unknown rule id, bad severity or option): the CLI exits with code 2. */
export class LintConfigError extends Error {
  override readonly name = "LintConfigError";
}
