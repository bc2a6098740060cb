import { isUtf8 } from "node:buffer";

/** Why `bytes` are binary content (a NUL byte, as git decides), or null. */
export function nulByteReason(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  return nul === -1 ? null : `a NUL byte at offset ${nul}: binary content`;
}

/**
 * Why `bytes` are not a text file (a NUL byte, or bytes that are not UTF-8), or null when they are text. A card is
 * UTF-8 text: reading anything else would print garbage or send it.
 */
export function binaryContentReason(bytes: Uint8Array): string | null {
  return nulByteReason(bytes) ?? (isUtf8(bytes) ? null : "not UTF-8 text");
}
