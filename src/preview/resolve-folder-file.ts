import { realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";

/**
 * The file of `folder` that a request path names (`/images/a.png`, percent-encoded as sent), or null: a path with
 * a `..` or `.` segment (encoded or not), a backslash or NUL, a malformed escape, a folder, a missing file, or a
 * symbolic link that leads out of the folder gives no file.
 */
export async function resolveFolderFile(folder: string, requestPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((segment) => segment !== "");
  if (segments.length === 0 || segments.some((segment) => segment === ".." || segment === ".")) return null;
  try {
    const root = await realpath(folder);
    const real = await realpath(join(root, ...segments));
    if (!real.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}
