const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Why `bytes` are not a text file (a NUL byte, or bytes that are not UTF-8), or null when they are text. A card is
 * UTF-8 text: reading anything else would print garbage or send it.
 */
export function binaryContentReason(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return `a NUL byte at offset ${nul}: binary content`;
  try {
    UTF8.decode(bytes);
    return null;
  } catch {
    return "not UTF-8 text";
  }
}
