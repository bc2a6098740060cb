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

/** A file could not be read or written: printed as is (it names the file), exit code 2. */
export class FileError extends Error {
  override readonly name = "FileError";
}
