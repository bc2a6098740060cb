import { FileAccessError } from "../errors/file-access-error.js";
import { describeFileError } from "./describe-file-error.js";

/** The error for a card file that cannot be read: the name shown, the reason in a few words, what to do. */
export function cardReadError(path: string, name: string, cause: unknown, reason?: string): FileAccessError {
  const missing = (cause as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
  const why = reason ?? (missing ? "no such file" : describeFileError(cause));
  return new FileAccessError(
    missing ? "FILE_NOT_FOUND" : "FILE_UNREADABLE",
    path,
    `${name}: cannot read the card (${why}); check the path.`,
    cause === undefined ? undefined : { cause },
  );
}
