import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { replaceCardAndImages } from "../../src/io/replace-card-and-images.js";

const card = (version: string) => `---\nlicense: mit\n---\n# ${version}\n![curves](training_curves.png)\n`;
const image = (version: string) => [{ fileName: "training_curves.png", content: Buffer.from(`png ${version}`) }];

/** The image the card on disk shows, and whether its bytes are the ones made with that card. */
function shownPair(folder: string) {
  const text = readFileSync(join(folder, "README.md"), "utf8");
  const version = /^# (\w+)$/m.exec(text)![1]!;
  const shown = /!\[curves\]\(([^)]+)\)/.exec(text)![1]!;
  const path = join(folder, shown);
  return { version, matches: existsSync(path) && readFileSync(path, "utf8") === `png ${version}` };
}

describe("replaceCardAndImages", () => {
  it("writes the plain names the first time, then a new name for changed bytes, removing the old image after", async () => {
    const folder = mkdtempSync(join(tmpdir(), "modelcard-images-"));
    const cardPath = join(folder, "README.md");
    await replaceCardAndImages({ cardPath, cardText: card("one"), images: image("one") });
    expect(readdirSync(folder).sort()).toEqual(["README.md", "training_curves.png"]);
    const second = await replaceCardAndImages({ cardPath, cardText: card("two"), images: image("two") });
    const renamed = basename(second.imagePaths[0]!);
    expect(renamed).toMatch(/^training_curves-[0-9a-f]{8}\.png$/);
    expect(readFileSync(cardPath, "utf8")).toBe(card("two").replace("training_curves.png", renamed));
    expect(second.removed).toEqual([join(folder, "training_curves.png")]);
    expect(readdirSync(folder).sort()).toEqual(["README.md", renamed]);
    expect(shownPair(folder)).toEqual({ version: "two", matches: true });
    // Same bytes again: nothing renamed, nothing removed.
    const third = await replaceCardAndImages({ cardPath, cardText: card("two"), images: image("two") });
    expect(third).toEqual({ imagePaths: [join(folder, "training_curves.png")], removed: [join(folder, renamed)] });
    expect(shownPair(folder)).toEqual({ version: "two", matches: true });
  });

  it("never leaves a card showing a missing or stale image, wherever the run stops", async () => {
    for (let stopAfter = 0; stopAfter < 3; stopAfter++) {
      const folder = mkdtempSync(join(tmpdir(), "modelcard-images-"));
      const cardPath = join(folder, "README.md");
      writeFileSync(join(folder, "user-notes.png"), "not ours");
      await replaceCardAndImages({ cardPath, cardText: card("old"), images: image("old") });
      let steps = 0;
      const stop = () => {
        if (steps++ === stopAfter) throw new Error("killed");
      };
      await replaceCardAndImages({ cardPath, cardText: card("new"), images: image("new"), onStep: stop }).catch(
        () => undefined,
      );
      const pair = shownPair(folder);
      expect(pair.matches, `stopped after ${stopAfter} step(s)`).toBe(true);
      expect(pair.version).toBe(stopAfter === 0 ? "old" : "new");
      expect(existsSync(join(folder, "user-notes.png"))).toBe(true);
    }
  });
});
