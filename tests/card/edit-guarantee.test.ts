import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cardShape, checkEdit, editCase, type Outcome, renderCard } from "../support/edit-properties.js";

describe("every edit is refused with the text unchanged, or read back exactly as intended", () => {
  it("over flow and block styles, anchors, comments, indented blocks, CRLF, BOM and model-index shapes", () => {
    const outcomes: Record<Outcome, number> = { applied: 0, unchanged: 0, refused: 0 };
    fc.assert(
      fc.property(cardShape, editCase, (shape, edit) => {
        outcomes[checkEdit(renderCard(shape), edit)]++;
      }),
      { numRuns: 800 },
    );
    // The cases must mostly exercise edits that happen, not refusals.
    expect(outcomes.applied).toBeGreaterThan(outcomes.refused);
  });
});
