import writeFileAtomic from "write-file-atomic";

/**
 * Writes through a temporary file in the same folder and a rename, so a crash or a full disk never leaves the
 * user's file truncated or half-written. The error names the file.
 */
export async function writeFileAtomically(path: string, content: string | Buffer): Promise<void> {
  try {
    await writeFileAtomic(path, content, typeof content === "string" ? { encoding: "utf8" } : {});
  } catch (error) {
    throw new Error(`${path}: cannot write the file (${(error as Error).message}); nothing was changed.`, {
      cause: error,
    });
  }
}
