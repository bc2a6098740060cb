import { ModelcardError } from "../errors/modelcard-error.js";

/** The step of a push that failed, for messages and for callers that react to one step. */
export type PushStep =
  | "check-token"
  | "validate-on-hub"
  | "create-repo"
  | "create-branch"
  | "read-head"
  | "upload"
  | "commit";

/**
 * A push that could not be completed because of the Hub or the network (not because of the card). The message says
 * what failed, that the repository was left as it was (when that is certain) and what to do; it never holds the token.
 */
export class PushFailedError extends ModelcardError {
  override readonly name = "PushFailedError";
  readonly code = "PUSH_FAILED";
  constructor(
    readonly step: PushStep,
    message: string,
    /** The HTTP status of the Hub's answer, when there was one. */
    readonly statusCode?: number,
  ) {
    super(message);
  }
}
