/** An update would replace an existing value without `overwrite` (huggingface_hub raises the same message). */
export class MetadataConflictError extends Error {
  override readonly name = "MetadataConflictError";
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}
