import { HubApiError } from "@huggingface/hub";
import { FileAccessError } from "../errors/file-access-error.js";
import { HubAnswerError } from "./hub-answer-error.js";
import { HubConnectionError } from "./hub-connection-error.js";
import { PushFailedError, type PushStep } from "./push-failed-error.js";

export interface PushFailureContext {
  /** The push's one redaction step (token, endpoint credentials). */
  redact: (text: string) => string;
  repoUrl: string;
  hubUrl: string;
  /** This push created the repository before failing. */
  repoCreated: boolean;
}

const WHAT: Record<PushStep, string> = {
  "check-token": "checking the token",
  "validate-on-hub": "validating the card on the Hub",
  "create-repo": "creating the repository",
  "create-branch": "creating the branch",
  "read-head": "reading the branch head",
  upload: "uploading the files",
  commit: "committing",
};

/**
 * Turns whatever a step threw into a PushFailedError whose message says what failed, what state the repository is
 * in, and what to do next, with the token and the endpoint's credentials removed. The original error is not kept as
 * `cause`: its data may echo the token. A file that changed under the push (a FileAccessError) stays what it is.
 */
export function describePushFailure(
  step: PushStep,
  error: unknown,
  context: PushFailureContext,
): PushFailedError | FileAccessError {
  if (error instanceof PushFailedError) return error;
  // A file that changed under the push, even when it surfaces as the cause of a failed upload.
  const changedFile = fileAccessErrorIn(error);
  if (changedFile) return changedFile;
  const state = repositoryState(context);
  let reason: string;
  let hint = "";
  let statusCode: number | undefined;
  if (error instanceof HubConnectionError) {
    reason = error.message;
    hint =
      error.failure === "dropped"
        ? "push again when the connection is back"
        : error.failure === "timeout"
          ? "try again later, or allow more time with --timeout (or MODELCARD_TIMEOUT)"
          : "check the network and HF_ENDPOINT";
  } else if (error instanceof HubAnswerError) {
    statusCode = error.statusCode;
    reason = error.message;
  } else if (error instanceof HubApiError) {
    statusCode = error.statusCode;
    reason = `the Hub answered ${error.statusCode}: ${error.message}`;
    hint = hintForStatus(error.statusCode, context);
  } else {
    reason = error instanceof Error ? error.message : String(error);
  }
  const message = `${WHAT[step]} failed for ${context.repoUrl}: ${reason}; ${state}${hint ? `; ${hint}` : ""}.`;
  return new PushFailedError(step, context.redact(message), statusCode);
}

function fileAccessErrorIn(error: unknown): FileAccessError | null {
  let current = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current instanceof FileAccessError) return current;
    current = current.cause;
  }
  return null;
}

function repositoryState(context: PushFailureContext): string {
  if (context.repoCreated) return "the repository was created but nothing was committed to it";
  return "nothing was committed, the repository is as it was";
}

function hintForStatus(status: number, context: PushFailureContext): string {
  if (status === 401) return `the token was refused: create one with write access at ${context.hubUrl}/settings/tokens`;
  if (status === 403) return "the token cannot write to this repository or organization";
  if (status === 404) return "check the repository name and --revision";
  if (status === 413) return "a file is too large for the Hub";
  if (status === 429 || status >= 500) return "the Hub is busy or failing (the request was retried): try again later";
  return "";
}
