import { ModelcardError } from "../errors/modelcard-error.js";

/** Why a card on the Hub could not be read or written. */
export type HubCardAccessFailure =
  /** No such repository, or a private one this token (or no token) cannot see: the Hub does not say which. */
  | "repo-not-found"
  | "revision-not-found"
  /** A gated repository whose files need an accepted access request. */
  | "gated"
  /** The revision has no README.md (or it is not text). */
  | "no-card"
  /** Offline mode (`HF_HUB_OFFLINE`): no request may be sent. */
  | "offline"
  /** Writing needs a token and none was found, or the token may not write here. */
  | "token"
  /** A tag or a commit id cannot be committed to; only a pull request can start from it. */
  | "not-a-branch"
  /** Any other answer of the Hub. */
  | "hub-error";

/**
 * A card on the Hub could not be read or written: the repository, revision or README.md is missing, the repository is
 * private or gated, the token is missing or may not write, or the tool is offline. The message names the repository
 * and says what to do; it never holds the token.
 */
export class HubCardAccessError extends ModelcardError {
  override readonly name = "HubCardAccessError";
  readonly code = "HUB_CARD_ACCESS";
  constructor(
    readonly failure: HubCardAccessFailure,
    /** `owner/name` of the repository. */
    readonly repo: string,
    message: string,
    /** The HTTP status of the Hub's answer, when there was one. */
    readonly statusCode?: number,
  ) {
    super(message);
  }
}
