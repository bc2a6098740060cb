import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CardEditRefusedError, MetadataConflictError, ModelCard } from "../../src/card/index.js";
import { updateCardOnHub } from "../../src/hub/update-card-on-hub.js";
import { cardShape, type EditCase, editCase, renderCard } from "../support/edit-properties.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";

const TOKEN = "hf_propertyAlice0123456789";

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub({ users: { [TOKEN]: { name: "alice" } } });
});
afterAll(() => hub.close());

function apply(card: ModelCard, edit: EditCase): void {
  if (edit.kind === "set") card.set(edit.key, edit.value);
  else if (edit.kind === "delete") card.delete(edit.key);
  else card.addEvalResult(edit.result, { overwrite: edit.overwrite, modelName: edit.modelName ?? undefined });
}

describe("updateCardOnHub, for any card and edit", () => {
  it("commits exactly the bytes of the same local edit, only README.md, on the commit read; nothing else otherwise", async () => {
    await fc.assert(
      fc.asyncProperty(cardShape, editCase, async (shape, edit) => {
        hub.reset();
        const text = renderCard(shape);
        hub.addRepo("alice/model");
        const read = hub.writeFiles("alice/model", { "README.md": text });
        const local = ModelCard.parse(text);
        let expected: string | null;
        try {
          apply(local, edit);
          expected = local.toString() === text ? null : local.toString();
        } catch (error) {
          if (!(error instanceof CardEditRefusedError || error instanceof MetadataConflictError)) throw error;
          expected = null;
        }
        const outcome = await updateCardOnHub({
          repo: "alice/model",
          hubUrl: hub.url,
          accessToken: TOKEN,
          edit: (card) => apply(card, edit),
        }).catch((error: unknown) => {
          if (error instanceof CardEditRefusedError || error instanceof MetadataConflictError) return null;
          throw error;
        });
        const commits = hub.repos.get("alice/model")!.commits.filter((commit) => commit.author === "alice");
        if (expected === null) {
          expect(outcome?.status ?? "refused").not.toBe("committed");
          expect(commits).toEqual([]);
          return;
        }
        expect(outcome?.status).toBe("committed");
        expect(commits).toHaveLength(1);
        expect(commits[0]!.parent).toBe(read);
        expect([...commits[0]!.files.keys()]).toEqual(["README.md"]);
        expect(commits[0]!.files.get("README.md")!.bytes.toString("utf8")).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });
});
