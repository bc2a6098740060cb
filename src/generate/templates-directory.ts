import { fileURLToPath } from "node:url";

/** The built-in templates shipped with the package (`templates/`), from `src/generate/` and `dist/generate/` alike. */
export const TEMPLATES_DIRECTORY = fileURLToPath(new URL("../../templates/", import.meta.url));
