/** Bytes of one upload request sent so far (one file, or one part of a multipart upload). */
export interface UploadBytesSent {
  /** The file's path in the repository. */
  path: string;
  /** 0 for a whole-file upload, else the multipart part number. */
  part: number;
  /** Bytes of this request's body read so far; restarts at 0 when the request is sent again. */
  sent: number;
}

/** The hint @huggingface/hub attaches to its upload requests (it feeds XMLHttpRequest progress in browsers). */
interface ProgressHint {
  path?: string;
  part?: number;
}

/**
 * Wraps `fetchImpl` so that each large-file upload (a Blob body carrying @huggingface/hub's `progressHint`) reports
 * how many bytes have been read from disk and handed to the connection. The body is streamed from the Blob with
 * its Content-Length kept, so a 16 GB file is never held in memory and storage that refuses chunked uploads
 * still accepts it. Place it inside the retry wrapper: each attempt then streams the file afresh.
 */
export function fetchWithUploadProgress(
  fetchImpl: typeof fetch,
  onBytesSent: (progress: UploadBytesSent) => void,
): typeof fetch {
  return (input, init) => {
    const hint = (init as (RequestInit & { progressHint?: ProgressHint }) | undefined)?.progressHint;
    if (!init || !(init.body instanceof Blob) || typeof hint?.path !== "string") return fetchImpl(input, init);
    const path = hint.path;
    const part = hint.part === undefined ? 0 : hint.part + 1;
    const headers = new Headers(init.headers);
    headers.set("Content-Length", String(init.body.size));
    let sent = 0;
    onBytesSent({ path, part, sent });
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        sent += chunk.byteLength;
        onBytesSent({ path, part, sent });
        controller.enqueue(chunk);
      },
    });
    return fetchImpl(input, { ...init, headers, body: init.body.stream().pipeThrough(counter), duplex: "half" });
  };
}
