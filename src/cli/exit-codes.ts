import { ModelcardError, type ModelcardErrorCode } from "../errors/index.js";

export const EXIT = {
  /** Success. */
  ok: 0,
  /** The card has errors, or the command refused to act. */
  refused: 1,
  /** Usage or I/O error. */
  usage: 2,
} as const;

/** A bad flag or argument: printed with a hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The exit code of each library error: a refusal is 1, what the user must fix in the input or the world is 2. */
const EXIT_BY_CODE: Record<ModelcardErrorCode, number> = {
  FILE_NOT_FOUND: EXIT.usage,
  FILE_UNREADABLE: EXIT.usage,
  FILE_NOT_WRITTEN: EXIT.usage,
  EDIT_REFUSED: EXIT.refused,
  METADATA_CONFLICT: EXIT.refused,
  INVALID_GENERATE_INPUT: EXIT.usage,
  INVALID_LINT_CONFIG: EXIT.usage,
  PUSH_FAILED: EXIT.usage,
  HUB_ANSWER: EXIT.usage,
  HUB_CONNECTION: EXIT.usage,
  PREVIEW_SERVER_FAILED: EXIT.usage,
  HUB_CARD_ACCESS: EXIT.usage,
  HUB_UPDATE_CONFLICT: EXIT.refused,
  HARNESS_RESULTS_UNREADABLE: EXIT.usage,
};

/** The one place an error becomes an exit code: library errors by their code, anything else is 2. */
export function exitCodeFor(error: unknown): number {
  return error instanceof ModelcardError ? EXIT_BY_CODE[error.code] : EXIT.usage;
}
