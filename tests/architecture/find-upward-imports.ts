import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

export interface LayerViolation {
  /** The importing file, relative to the source folder. */
  file: string;
  /** The specifier as written. */
  specifier: string;
  /** 1-based line of the import. */
  line: number;
  reason: string;
}

/**
 * Every import of a module under `sourceDir` (tests aside) that breaks `layers`: static imports, `export … from`,
 * `import type`, `require` and dynamic `import()` with a literal specifier, as TypeScript's own pre-processor lists
 * them. A dynamic import of a computed specifier cannot be checked: it is reported unless its file is allowed one.
 */
export interface Layering {
  /** Folders (or root files) of each floor, bottom up. */
  layers: readonly (readonly string[])[];
  /** Imports between floors that are nonetheless refused. */
  forbidden?: readonly { from: string; to: string; why: string }[];
  /** Files allowed a dynamic `import()` of a computed specifier (e.g. a user's config file). */
  computedImports?: Readonly<Record<string, string>>;
}

export function findUpwardImports(
  sourceDir: string,
  { layers, forbidden = [], computedImports = {} }: Layering,
): LayerViolation[] {
  const floorOf = new Map<string, number>();
  layers.forEach((names, floor) => {
    for (const name of names) floorOf.set(name, floor);
  });
  const violations: LayerViolation[] = [];
  for (const path of sourceFiles(sourceDir)) {
    const file = relative(sourceDir, path).split(sep).join("/");
    const from = file.split("/")[0]!;
    const fromFloor = floorOf.get(from);
    const text = readFileSync(path, "utf8");
    const lineOf = (position: number) => text.slice(0, position).split("\n").length;
    if (fromFloor === undefined) {
      violations.push({ file, specifier: "", line: 1, reason: `${from} is on no floor: add it to the layers` });
      continue;
    }
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const specifier = imported.fileName;
      if (!specifier.startsWith(".")) continue;
      const target = relative(sourceDir, resolve(dirname(path), specifier))
        .split(sep)
        .join("/");
      if (target.startsWith("..")) continue;
      const to = target.split("/")[0]!;
      if (to === from) continue;
      const toFloor = floorOf.get(to);
      const line = lineOf(imported.pos);
      const refused = forbidden.find((rule) => rule.from === from && rule.to === to);
      if (refused) violations.push({ file, specifier, line, reason: `${from}/ imports ${to}/: ${refused.why}` });
      else if (toFloor === undefined) violations.push({ file, specifier, line, reason: `${to} is on no floor` });
      else if (toFloor > fromFloor)
        violations.push({ file, specifier, line, reason: `${from}/ imports ${to}/, a floor above it` });
      else if (toFloor === fromFloor)
        violations.push({ file, specifier, line, reason: `${from}/ imports ${to}/, on the same floor` });
    }
    for (const match of computedImports[file] ? [] : text.matchAll(/\bimport\(\s*(?!["'`])/g)) {
      const line = lineOf(match.index);
      violations.push({
        file,
        specifier: "import(…)",
        line,
        reason: "a dynamic import whose target cannot be checked",
      });
    }
  }
  return violations.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const isSource = /\.(ts|mts|js|mjs)$/.test(entry.name) && !/\.(test|spec)\.|\.d\.ts$/.test(entry.name);
    return isSource ? [path] : [];
  });
}
