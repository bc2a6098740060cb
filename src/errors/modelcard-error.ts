/**
 * What went wrong, for a caller to act on without reading the message. Each code has one class; the command line
 * maps each code to one exit code (`exitCodeFor` in the CLI).
 */
export type ModelcardErrorCode =
  /** A file that should be read does not exist. */
  | "FILE_NOT_FOUND"
  /** A file exists but cannot be read (permissions, a folder, not text). */
  | "FILE_UNREADABLE"
  /** A file cannot be written (permissions, a full disk, an existing file without `force`). */
  | "FILE_NOT_WRITTEN"
  /** An edit was not made because its result could not be proven safe; the card is unchanged. */
  | "EDIT_REFUSED"
  /** An update would replace an existing value without `overwrite`. */
  | "METADATA_CONFLICT"
  /** A bad option, config file or profile given to `generateCard`. */
  | "INVALID_GENERATE_INPUT"
  /** A lint configuration the engine cannot use. */
  | "INVALID_LINT_CONFIG"
  /** A push the Hub (or the network) did not complete. */
  | "PUSH_FAILED"
  /** The Hub answered in a way push cannot use: a redirect of a write, an answer that is not what was asked. */
  | "HUB_ANSWER"
  /** A request to the Hub never got an answer. */
  | "HUB_CONNECTION"
  /** The preview server could not listen (the port is taken or not allowed). */
  | "PREVIEW_SERVER_FAILED"
  /** A card on the Hub that cannot be read or written (missing, private, gated, offline, no token, not a branch). */
  | "HUB_CARD_ACCESS"
  /** A remote update not committed because the branch moved and the edit could not be re-applied. */
  | "HUB_UPDATE_CONFLICT"
  /** A file given as evaluation-harness results that is not a results file modelcard can read. */
  | "HARNESS_RESULTS_UNREADABLE";

/** The base of every error modelcard throws for a reason a caller can act on; `code` says which. */
export abstract class ModelcardError extends Error {
  abstract readonly code: ModelcardErrorCode;
}
