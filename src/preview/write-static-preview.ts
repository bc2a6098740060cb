import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { buildPreview, type PreviewOptions } from "./build-preview.js";
import { ASSET_PREFIX, readPreviewAsset, staticAssetNames } from "./preview-assets.js";
import { resolveFolderFile } from "./resolve-folder-file.js";

export interface StaticPreview {
  /** Every file written, relative to the output folder, `index.html` first. */
  files: string[];
  /** Images the card shows from its folder that are not there (or lead out of it): not copied. */
  missingImages: string[];
}

/**
 * Writes the page of the card at `cardPath` into `outDir` as static files: `index.html`, the page's stylesheets
 * and fonts under `__modelcard/`, and copies of the images the card shows from its folder, at the same relative
 * paths, so that the folder reads the same from `file://` or as a CI artefact.
 */
export async function writeStaticPreview(
  cardPath: string,
  outDir: string,
  options: Omit<PreviewOptions, "live"> = {},
): Promise<StaticPreview> {
  const preview = await buildPreview(cardPath, { ...options, live: false });
  const out = resolve(outDir);
  const files: string[] = [];
  const missingImages: string[] = [];
  const write = async (relative: string, body: string | Buffer) => {
    const target = join(out, relative);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, body);
    files.push(relative);
  };
  await write("index.html", preview.html);
  for (const name of staticAssetNames()) {
    const asset = await readPreviewAsset(name);
    if (asset) await write(`${ASSET_PREFIX}${name}`, asset.body);
  }
  for (const image of preview.localImages) {
    const source = await resolveFolderFile(preview.folder, image.split("/").map(encodeURIComponent).join("/"));
    if (source === null || image.startsWith(ASSET_PREFIX)) {
      missingImages.push(image);
      continue;
    }
    const target = join(out, image);
    if (target === source) continue; // --out is the card's own folder: the image is already there.
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source, target);
    files.push(image);
  }
  return { files, missingImages };
}
