import { ModelcardError } from "../errors/modelcard-error.js";

/**
 * A remote update was not committed because the branch moved after the card was read (HTTP 412) and the edit could
 * not be applied again to the new card, or the branch moved once more. Nothing was overwritten.
 */
export class HubUpdateConflictError extends ModelcardError {
  override readonly name = "HubUpdateConflictError";
  readonly code = "HUB_UPDATE_CONFLICT";
  constructor(
    /** `owner/name` of the repository. */
    readonly repo: string,
    message: string,
  ) {
    super(message);
  }
}
