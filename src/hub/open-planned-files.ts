import { constants } from "node:fs";
import { type FileHandle, lstat, open, realpath } from "node:fs/promises";
import { FileAccessError } from "../errors/file-access-error.js";
import { describeFileError } from "../io/describe-file-error.js";
import { DescriptorBlob } from "./descriptor-blob.js";
import { notRegularFile } from "./not-regular-file.js";
import type { FileIdentity, PlannedSource, UploadFile } from "./plan-upload.js";

/** The files of a plan, each opened once: what is hashed, uploaded and committed is read from these descriptors. */
export interface OpenedFiles {
  /** The bytes of each file, read from its descriptor (a generated file: its own bytes). */
  blob(file: UploadFile): Blob;
  /**
   * Throws a FileAccessError naming the first file that is no longer what was planned: its path leads to another
   * file (a symlink swapped in, a parent folder replaced), or the file was rewritten (size or modification time).
   */
  verifyUnchanged(): Promise<void>;
  close(): Promise<void>;
}

/** Open without following a symlink at the last component, and never wait on a FIFO or a device. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * Files up to this size are read whole from their descriptor as soon as it is checked, and the descriptor closed:
 * a folder of thousands of small files (`--include '*'`) must not hold thousands of descriptors. Larger files (the
 * weights) stay open and are streamed from their descriptor.
 */
const READ_AT_ONCE_BYTES = 1 << 20;

/**
 * Opens every planned file of `files` that comes from disk: each parent folder must still be the one planned, the
 * file is opened at its resolved path without following a symlink, and `fstat` on the descriptor must find the
 * regular file that was planned (device, inode, size, modification time). Files up to 1 MiB are then read whole
 * from that descriptor and it is closed; larger ones stay open until `close`. Throws a FileAccessError naming the
 * file otherwise, with every descriptor closed.
 */
export async function openPlannedFiles(files: readonly UploadFile[]): Promise<OpenedFiles> {
  const handles = new Map<UploadFile, FileHandle>();
  const read = new Map<UploadFile, Buffer>();
  const closeAll = async () => {
    await Promise.all([...handles.values()].map((handle) => handle.close().catch(() => undefined)));
    handles.clear();
  };
  try {
    for (const file of files) {
      if (file.content || !file.source) continue;
      await checkPath(file, file.source);
      const handle = await openFile(file, file.source.realPath);
      handles.set(file, handle);
      const info = await handle.stat();
      if (!info.isFile()) throw changed(file, notRegularFile(info));
      const difference = differs(file.source.identity, info);
      if (difference) throw changed(file, difference);
      if (file.size <= READ_AT_ONCE_BYTES) {
        read.set(file, await readWhole(file, handle));
        handles.delete(file);
        await handle.close();
      }
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  return {
    blob(file) {
      if (file.content) return new Blob([file.content]);
      const bytes = read.get(file);
      if (bytes) return new Blob([bytes]);
      const handle = handles.get(file);
      if (!handle) throw new TypeError(`${file.localPath} was not opened for this push`);
      return new DescriptorBlob(handle, 0, file.size, () =>
        changed(file, `it is now shorter than the ${file.size} bytes planned`),
      );
    },
    async verifyUnchanged() {
      for (const file of [...read.keys(), ...handles.keys()]) {
        const source = file.source as PlannedSource;
        const handle = handles.get(file);
        const difference = handle && differs(source.identity, await handle.stat());
        if (difference) throw changed(file, difference);
        await checkPath(file, source);
        const now = await lstat(source.realPath).catch(() => null);
        if (!now || now.isSymbolicLink()) throw changed(file, "its path now leads to another file");
        // A file read at once is compared through its path: same file, same size, same modification time.
        const since = differs(source.identity, now, !handle);
        if (since) throw changed(file, since);
      }
    },
    close: closeAll,
  };
}

/** The path as the user sees it still leads where it led at planning, through the same folders. */
async function checkPath(file: UploadFile, source: PlannedSource): Promise<void> {
  for (const folder of source.parents) {
    const info = await lstat(folder.path).catch(() => null);
    if (!info?.isDirectory() || info.dev !== folder.dev || info.ino !== folder.ino) {
      throw changed(file, `the folder ${folder.path} was moved or replaced`);
    }
  }
  const link = await lstat(file.localPath).catch(() => null);
  if (!link) throw changed(file, "it was removed");
  if (link.isSymbolicLink() !== source.viaLink) {
    throw changed(file, link.isSymbolicLink() ? "it was replaced by a symlink" : "the symlink was replaced");
  }
  if (source.viaLink) {
    const target = await realpath(file.localPath).catch(() => null);
    if (target !== source.realPath) throw changed(file, "the symlink now leads elsewhere");
  } else if (!link.isFile()) {
    // Inode numbers are reused: a FIFO made where the file was may carry the file's number.
    throw changed(file, `it is now ${notRegularFile(link)}`);
  } else if (link.dev !== source.identity.dev || link.ino !== source.identity.ino) {
    throw changed(file, "it was replaced by another file");
  }
}

/** The whole file from its descriptor: exactly the planned size, or the file changed. */
async function readWhole(file: UploadFile, handle: FileHandle): Promise<Buffer> {
  const bytes = Buffer.alloc(file.size);
  let filled = 0;
  while (filled < bytes.length) {
    const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
    if (bytesRead === 0) throw changed(file, `it is now shorter than the ${file.size} bytes planned`);
    filled += bytesRead;
  }
  return bytes;
}

async function openFile(file: UploadFile, path: string): Promise<FileHandle> {
  try {
    return await open(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw changed(file, "it was replaced by a symlink");
    throw new FileAccessError(
      "FILE_UNREADABLE",
      file.localPath,
      `${file.localPath}: ${describeFileError(error)}; nothing was sent`,
    );
  }
}

/** What differs between the planned file and `info`, or null. */
function differs(planned: FileIdentity, info: FileIdentity, contents = true): string | null {
  if (info.dev !== planned.dev || info.ino !== planned.ino) return "it was replaced by another file";
  if (!contents) return null;
  if (info.size !== planned.size) return `its size changed (${planned.size} bytes planned, ${info.size} now)`;
  if (info.mtimeMs !== planned.mtimeMs) return "it was modified";
  return null;
}

function changed(file: UploadFile, why: string): FileAccessError {
  return new FileAccessError(
    "FILE_UNREADABLE",
    file.localPath,
    `${file.localPath} changed after push checked it (${why}); nothing was committed: push again when the folder is settled`,
  );
}
