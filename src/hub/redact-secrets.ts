/** What a token is replaced with in any text shown to the user. */
export const REDACTED_TOKEN = "hf_***";
const REDACTED = "***";

export interface SecretsToRedact {
  /** The Hugging Face token of the run. */
  accessToken?: string | undefined;
  /** The Hub endpoint (`HF_ENDPOINT`), which may carry credentials: `http://user:secret@proxy/`, a token in its path. */
  hubUrl?: string | undefined;
}

/** Any Hugging Face token, ours or one the Hub echoes: `hf_` and a long run of letters and digits. */
const ANY_HF_TOKEN = /\bhf_[A-Za-z0-9]{20,}/g;
/** A bearer credential, as an echoed Authorization header shows it. */
const BEARER = /\b([Bb]earer)(\s+|%20)[^\s"',;)\]}]+/g;
/** The userinfo of any URL (`scheme://user:password@`). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;
/** A path segment or query value of the endpoint that looks like a key rather than a name. */
const SECRET_LOOKING = /^(hf_.+|[A-Za-z0-9_\-.~%+=]{16,})$/;

/**
 * The one redaction every line and value that push writes goes through: the token in any form the Hub may echo it
 * (`Bearer hf_…`, bare, percent-encoded, in a URL), any other `hf_…` token, the userinfo of any URL, and the
 * credentials of the endpoint (its userinfo, a key-like segment of its path or query) wherever they appear.
 */
export function createSecretRedactor(secrets: SecretsToRedact): (text: string) => string {
  const literals = new Map<string, string>();
  const add = (value: string | undefined, replacement: string, shortest = 6) => {
    // Short values (a user name like "me") would blank out ordinary words.
    if (value && value.length >= shortest) literals.set(value, replacement);
  };
  const token = secrets.accessToken?.trim();
  add(token, REDACTED_TOKEN, 4);
  if (token) add(encodeURIComponent(token), REDACTED_TOKEN, 4);
  for (const secret of endpointSecrets(secrets.hubUrl)) {
    add(secret, REDACTED);
    add(safeDecode(secret), REDACTED);
    add(encodeURIComponent(safeDecode(secret)), REDACTED);
  }
  // Longest first, so that a secret containing another is replaced whole.
  const ordered = [...literals].sort(([a], [b]) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const [secret, replacement] of ordered) result = result.split(secret).join(replacement);
    return result
      .replace(URL_USERINFO, `$1${REDACTED}@`)
      .replace(BEARER, (_, scheme: string, space: string) => `${scheme}${space}${REDACTED_TOKEN}`)
      .replace(ANY_HF_TOKEN, REDACTED_TOKEN);
  };
}

function endpointSecrets(hubUrl: string | undefined): string[] {
  if (!hubUrl) return [];
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return [];
  }
  // The user name alone is no secret (and may be the owner of the repository): the password, and both together.
  const found = [url.password].filter(Boolean);
  if (url.username || url.password) {
    const userinfo = `${safeDecode(url.username)}:${safeDecode(url.password)}`;
    // As a Basic Authorization header carries them.
    found.push(`${url.username}:${url.password}`, Buffer.from(userinfo).toString("base64"));
  }
  for (const segment of url.pathname.split("/")) if (SECRET_LOOKING.test(segment)) found.push(segment);
  for (const value of url.searchParams.values()) if (value) found.push(value);
  return found;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
