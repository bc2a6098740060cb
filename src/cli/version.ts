import { createRequire } from "node:module";

/**
 * The package's version, from package.json. This file sits two folders below the package root in src/, in dist/
 * and in the bundled CLI (dist/bundle/), so one relative path serves all three.
 */
export const VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
