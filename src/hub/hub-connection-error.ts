/** A request to the Hub never got an answer: the connection was refused, or dropped before the response. */
export class HubConnectionError extends Error {
  override readonly name = "HubConnectionError";
  constructor(
    /** The Hub (or storage) origin, e.g. https://huggingface.co. */
    readonly origin: string,
    /** The request, e.g. `POST /api/models/owner/name/commit/main`. */
    readonly request: string,
    /** The system error code (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET, ...). */
    readonly code: string,
    /** True when the connection was made and then dropped; false when it could not be made at all. */
    readonly dropped: boolean,
    options?: ErrorOptions,
  ) {
    super(
      dropped
        ? `the connection to ${origin} was dropped (${code}) during ${request}`
        : `cannot connect to ${origin} (${code}) for ${request}`,
      options,
    );
  }
}
