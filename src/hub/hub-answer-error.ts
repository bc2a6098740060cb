import { ModelcardError } from "../errors/modelcard-error.js";

/** The longest part of an answer quoted in a message. */
const EXCERPT_CHARS = 120;

/**
 * The Hub answered something push cannot read (not JSON, or JSON without what the request must return), or a
 * redirect for a request that changes the repository. The message has the status and a short excerpt.
 */
export class HubAnswerError extends ModelcardError {
  override readonly name = "HubAnswerError";
  readonly code = "HUB_ANSWER";
  constructor(
    /** `METHOD /path` of the request. */
    readonly request: string,
    readonly statusCode: number,
    message: string,
    /** The request may have been applied (a commit answered without a commit id). */
    readonly outcomeUnknown = false,
  ) {
    super(message);
  }
}

/** The start of an answer, on one line, to quote in a message. */
export function excerptOf(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line === "") return "an empty answer";
  return JSON.stringify(line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS)}…` : line);
}

/** `METHOD /path` of a request, without its query string (which may hold keys). */
export function describeRequest(method: string, url: URL): string {
  return `${method} ${url.pathname}`;
}
