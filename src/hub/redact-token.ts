import { createSecretRedactor } from "./redact-secrets.js";

/** Removes `token` from `text` in every form the Hub may echo it (and any other `hf_…` token). */
export function redactToken(text: string, token: string | undefined): string {
  return createSecretRedactor({ accessToken: token })(text);
}
