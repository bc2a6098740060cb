export { FileAccessError } from "./file-access-error.js";
export { ModelcardError, type ModelcardErrorCode } from "./modelcard-error.js";
