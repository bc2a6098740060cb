/** What a token is replaced with in any text shown to the user. */
export const REDACTED_TOKEN = "hf_***";

/** Removes every occurrence of `token` from `text`, so no message, log or error can leak it. */
export function redactToken(text: string, token: string | undefined): string {
  if (!token) return text;
  return text.split(token).join(REDACTED_TOKEN);
}
