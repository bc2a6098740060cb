export { formatBytes } from "../io/format-bytes.js";
export { fetchWithRetries, type RetryNotice, type RetryOptions } from "./fetch-with-retries.js";
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  fetchWithTimeouts,
  type HubTimeouts,
} from "./fetch-with-timeouts.js";
export { fetchWithUploadProgress, type UploadBytesSent } from "./fetch-with-upload-progress.js";
export { fetchWithoutRedirects } from "./fetch-without-redirects.js";
export {
  type CommittedFile,
  type FindPushedCommitParams,
  findPushedCommit,
  type PushedCommitSearch,
} from "./find-pushed-commit.js";
export { HubAnswerError } from "./hub-answer-error.js";
export { HubCardAccessError, type HubCardAccessFailure } from "./hub-card-access-error.js";
export { type ConnectionFailure, HubConnectionError } from "./hub-connection-error.js";
export { HubUpdateConflictError } from "./hub-update-conflict-error.js";
export { type LocalCardCheck, lintBeforePush } from "./lint-before-push.js";
export { type ListAuthorModelsParams, listAuthorModels } from "./list-author-models.js";
export { locateHubMessage } from "./locate-hub-message.js";
export type { HubConnectionParams } from "./open-hub-session.js";
export {
  type FileIdentity,
  type FolderIdentity,
  type LeftOutPath,
  type OutsideLink,
  type PlannedSource,
  type PlanUploadParams,
  planUpload,
  type UnreadablePath,
  type UploadFile,
  type UploadPlan,
} from "./plan-upload.js";
export { PushFailedError, type PushStep } from "./push-failed-error.js";
export {
  type GivenFile,
  type PushModelCardParams,
  type PushOutcome,
  type PushProgressEvent,
  pushModelCard,
} from "./push-model-card.js";
export type { PushProblem } from "./push-problem.js";
export {
  type HubCardReading,
  hubCardName,
  type ReadCardFromHubParams,
  readCardFromHub,
} from "./read-card-from-hub.js";
export { createSecretRedactor, REDACTED_TOKEN, type SecretsToRedact } from "./redact-secrets.js";
export { redactToken } from "./redact-token.js";
export { redactValues } from "./redact-values.js";
export {
  type HubCredentials,
  type ResolveHubCredentialsParams,
  resolveHubCredentials,
  type TokenSource,
} from "./resolve-hub-credentials.js";
export { type RemoteUpdateOutcome, type UpdateCardOnHubParams, updateCardOnHub } from "./update-card-on-hub.js";
export { type HubValidation, type ValidateCardOnHubParams, validateCardOnHub } from "./validate-card-on-hub.js";
