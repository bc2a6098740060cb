import { ModelcardError } from "../errors/modelcard-error.js";

/** An update would replace an existing value without `overwrite` (huggingface_hub raises the same message). */
export class MetadataConflictError extends ModelcardError {
  override readonly name = "MetadataConflictError";
  readonly code = "METADATA_CONFLICT";
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}
