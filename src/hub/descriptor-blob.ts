import type { FileHandle } from "node:fs/promises";

/** How much one read takes from the descriptor while streaming. */
const CHUNK_BYTES = 1 << 20;

/**
 * A Blob whose bytes are read, when asked, from one open file descriptor: hashing, the pre-upload sample and the
 * upload all read the file push opened and checked, never the path again (which may since lead elsewhere).
 * @huggingface/hub reads Blobs through `size`, `slice`, `arrayBuffer` and `stream`, as its own FileBlob offers.
 */
export class DescriptorBlob extends Blob {
  declare readonly size: number;

  constructor(
    private readonly handle: FileHandle,
    private readonly start: number,
    private readonly end: number,
    /** The error to throw when the file turns out shorter than planned (it was truncated meanwhile). */
    private readonly truncated: () => Error,
  ) {
    super([]);
    // Blob's own size is that of the (empty) parts given to it.
    Object.defineProperty(this, "size", { value: end - start });
  }

  override slice(start = 0, end = this.size): DescriptorBlob {
    if (start < 0 || end < 0) throw new TypeError("DescriptorBlob.slice takes no negative offsets");
    return new DescriptorBlob(this.handle, this.start + start, Math.min(this.start + end, this.end), this.truncated);
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const buffer = Buffer.alloc(this.size);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await this.handle.read(buffer, filled, buffer.length - filled, this.start + filled);
      if (bytesRead === 0) throw this.truncated();
      filled += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length) as Uint8Array<ArrayBuffer>;
  }

  override async text(): Promise<string> {
    return Buffer.from(await this.bytes()).toString("utf8");
  }

  override stream(): ReturnType<Blob["stream"]> {
    let position = this.start;
    const { handle, end, truncated } = this;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (position >= end) return controller.close();
        const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, end - position));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) return controller.error(truncated());
        position += bytesRead;
        controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
      },
    });
    return stream as ReturnType<Blob["stream"]>;
  }
}
