import { ModelcardError } from "../errors/modelcard-error.js";

/** How a request went without an answer. */
export type ConnectionFailure = "unreachable" | "dropped" | "timeout";

/** A request to the Hub never got an answer: the connection was refused, dropped, or stalled past the timeout. */
export class HubConnectionError extends ModelcardError {
  override readonly name = "HubConnectionError";
  readonly code = "HUB_CONNECTION";
  constructor(
    /** The Hub (or storage) origin, e.g. https://huggingface.co. */
    readonly origin: string,
    /** The request, e.g. `POST /api/models/owner/name/commit/main`. */
    readonly request: string,
    /** The system error code (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET, UND_ERR_HEADERS_TIMEOUT, ...). */
    readonly systemCode: string,
    /** `dropped`: the connection was made, then lost; `timeout`: no byte moved for the idle timeout. */
    readonly failure: ConnectionFailure,
    options?: ErrorOptions,
  ) {
    super(
      failure === "dropped"
        ? `the connection to ${origin} was dropped (${systemCode}) during ${request}`
        : failure === "timeout"
          ? `${origin} stopped answering (no byte moved for the timeout, ${systemCode}) during ${request}`
          : `cannot connect to ${origin} (${systemCode}) for ${request}`,
      options,
    );
  }

  /** The request may have reached the Hub and been applied. */
  get outcomeUnknown(): boolean {
    return this.failure !== "unreachable";
  }
}
