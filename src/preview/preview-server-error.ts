import { ModelcardError } from "../errors/index.js";

/** The preview server could not start: the port is taken or not allowed. The message says which port and why. */
export class PreviewServerError extends ModelcardError {
  override readonly name = "PreviewServerError";
  readonly code = "PREVIEW_SERVER_FAILED" as const;
}
