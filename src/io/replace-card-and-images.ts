import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { removeStaleTemporaryFiles } from "./remove-stale-temporary-files.js";
import { writeFileAtomically } from "./write-file-atomically.js";

/** An image the card shows, by the file name the card uses for it. */
export interface CardImage {
  fileName: string;
  content: string | Buffer;
}

export interface ReplaceCardAndImagesParams {
  cardPath: string;
  cardText: string;
  /** Files written beside the card; the card names them by `fileName`. */
  images: readonly CardImage[];
  /** Called after each file is in place or removed, in order (for tests that stop a run at every point). */
  onStep?: (step: { action: "wrote" | "removed"; path: string }) => void;
}

export interface ReplacedCard {
  /** The images as written: an image that replaces different bytes gets a new name, and the card says so. */
  imagePaths: string[];
  /** Images of an earlier card that the new one no longer shows. */
  removed: string[];
}

/**
 * Writes a card and its images so that, whenever the process stops, the card on disk shows images made with it:
 * an image whose file already holds other bytes is written under a new name (`training_curves-1a2b3c4d.png`, the
 * card's text following), the images go first, the card is swapped in atomically last, and only then are the
 * images of the previous card removed. Every file is written atomically through a dot-named temporary file.
 */
export async function replaceCardAndImages(params: ReplaceCardAndImagesParams): Promise<ReplacedCard> {
  const folder = dirname(params.cardPath);
  await removeStaleTemporaryFiles(folder);
  let cardText = params.cardText;
  const written: string[] = [];
  for (const image of params.images) {
    const bytes = typeof image.content === "string" ? Buffer.from(image.content, "utf8") : image.content;
    const current = await readFile(join(folder, image.fileName)).catch(() => null);
    let fileName = image.fileName;
    if (current && !current.equals(bytes)) {
      fileName = versionedName(image.fileName, bytes);
      cardText = cardText.split(image.fileName).join(fileName);
    }
    const path = join(folder, fileName);
    await writeFileAtomically(path, bytes);
    params.onStep?.({ action: "wrote", path });
    written.push(path);
  }
  await writeFileAtomically(params.cardPath, cardText);
  params.onStep?.({ action: "wrote", path: params.cardPath });

  const keep = new Set(written);
  const removed: string[] = [];
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    if (keep.has(path) || !params.images.some((image) => isVersionOf(name, image.fileName))) continue;
    await rm(path, { force: true });
    params.onStep?.({ action: "removed", path });
    removed.push(path);
  }
  return { imagePaths: written, removed };
}

/** `training_curves.png` -> `training_curves-1a2b3c4d.png`, from the bytes' sha256. */
function versionedName(fileName: string, bytes: Buffer): string {
  const extension = extname(fileName);
  const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 8);
  return `${fileName.slice(0, fileName.length - extension.length)}-${digest}${extension}`;
}

/** `name` is `fileName` itself or one of its versioned names. */
function isVersionOf(name: string, fileName: string): boolean {
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  if (name === fileName) return true;
  return (
    name.startsWith(`${stem}-`) &&
    name.endsWith(extension) &&
    /^[0-9a-f]{8}$/.test(name.slice(stem.length + 1, name.length - extension.length))
  );
}
