/** An edit was not made because its result could not be proven safe; the card's text is unchanged. */
export class CardEditRefusedError extends Error {
  override readonly name = "CardEditRefusedError";
}
