import { ModelcardError } from "../../errors/modelcard-error.js";

/** An edit was not made because its result could not be proven safe; the card's text is unchanged. */
export class CardEditRefusedError extends ModelcardError {
  override readonly name = "CardEditRefusedError";
  readonly code = "EDIT_REFUSED";
}
