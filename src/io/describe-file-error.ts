/** A file-system error in a few words with its code: `permission denied (EACCES)`, `a folder, not a file (EISDIR)`, or the system's message */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return `permission denied (${code})`;
  if (code === "EISDIR") return "a folder, not a file (EISDIR)";
  return (error as Error).message;
}
