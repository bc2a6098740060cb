import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUNDLE = `${ROOT}dist/bundle/`;

/** The bundle's files that `cli.js` and then `lazy` (a command's chunk) load before any code runs. */
function loadedFiles(lazy?: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(BUNDLE + file, "utf8");
    for (const match of text.matchAll(/^import[^;]*?from\s*"\.\/([^"]+)"|^import\s*"\.\/([^"]+)"/gm)) {
      visit((match[1] ?? match[2]) as string);
    }
  };
  visit("cli.js");
  if (lazy) visit(lazy);
  return seen;
}

describe("the preview command's weight", () => {
  beforeAll(() => {
    if (!existsSync(`${BUNDLE}cli.js`)) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  }, 120_000);

  it("is loaded only when preview runs: no other command's start-up reads its renderer", () => {
    // The commands' chunks, imported on demand by what cli.js loads at start-up.
    const startUp = [...loadedFiles("cli.js")].map((file) => readFileSync(BUNDLE + file, "utf8")).join("\n");
    const chunks = [...startUp.matchAll(/import\("\.\/([a-z-]+-[A-Z0-9]+\.js)"\)/g)].map((match) => match[1] as string);
    const preview = chunks.find((chunk) => chunk.startsWith("preview-"));
    expect(preview).toBeDefined();
    const previewCode = [...loadedFiles(preview)].map((file) => readFileSync(BUNDLE + file, "utf8")).join("\n");
    expect(previewCode).toContain("katex");
    for (const chunk of chunks.filter((name) => !name.startsWith("preview-") && !name.startsWith("open-"))) {
      for (const file of loadedFiles(chunk)) {
        const text = readFileSync(BUNDLE + file, "utf8");
        expect(text, `${chunk} loads ${file}`).not.toMatch(
          /markdown-it|sanitize-html|KaTeX parse error|live-reload\.js/,
        );
      }
    }
  });
});
