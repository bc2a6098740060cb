import { ModelcardError } from "./modelcard-error.js";

/** A file could not be read or written; the message names the file, the reason and what to do. */
export class FileAccessError extends ModelcardError {
  override readonly name = "FileAccessError";
  constructor(
    readonly code: "FILE_NOT_FOUND" | "FILE_UNREADABLE" | "FILE_NOT_WRITTEN",
    /** The file, as the caller named it. */
    readonly path: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
