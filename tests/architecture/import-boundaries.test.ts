import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findUpwardImports } from "./find-upward-imports.js";
import { COMPUTED_IMPORTS, FORBIDDEN, LAYERS } from "./layers.js";

const LAYERING = { layers: LAYERS, forbidden: FORBIDDEN, computedImports: COMPUTED_IMPORTS };

const SOURCE = fileURLToPath(new URL("../../src/", import.meta.url));

/** A small source tree to prove the check fails on what it must refuse. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "modelcard-layers-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("import boundaries", () => {
  it("src/ imports only downward: errors, card/io/vocabulary, lint|generate, hub, preview, cli (hub/ not generate/)", () => {
    expect(findUpwardImports(SOURCE, LAYERING)).toEqual([]);
  });

  it("fails on an upward import, static, type-only, re-exported or dynamic", () => {
    const root = tree({
      "hub/push.ts": 'import { generateCard } from "../generate/index.js";\n',
      "card/model.ts": 'import type { LintMessage } from "../lint/types.js";\nexport { x } from "../hub/x.js";\n',
      "io/read.ts": 'export async function f() {\n  return import("../cli/main.js");\n}\n',
      "lint/rule.ts": 'const build = await import("../generate/build.js");\n',
      "generate/ok.ts": 'import { ModelCard } from "../card/model.js";\nimport { x } from "./x.js";\n',
      "generate/x.ts": "export const x = 1;\n",
      "errors/e.ts": "const name = './x.js';\nawait import(name);\n",
    });
    expect(findUpwardImports(root, LAYERING)).toEqual([
      {
        file: "card/model.ts",
        specifier: "../lint/types.js",
        line: 1,
        reason: "card/ imports lint/, a floor above it",
      },
      { file: "card/model.ts", specifier: "../hub/x.js", line: 2, reason: "card/ imports hub/, a floor above it" },
      {
        file: "errors/e.ts",
        specifier: "import(…)",
        line: 2,
        reason: "a dynamic import whose target cannot be checked",
      },
      {
        file: "hub/push.ts",
        specifier: "../generate/index.js",
        line: 1,
        reason: "hub/ imports generate/: hub/ takes a card; generating one before a push is the CLI's composition",
      },
      { file: "io/read.ts", specifier: "../cli/main.js", line: 2, reason: "io/ imports cli/, a floor above it" },
      {
        file: "lint/rule.ts",
        specifier: "../generate/build.js",
        line: 1,
        reason: "lint/ imports generate/, on the same floor",
      },
    ]);
  });

  it("leaves tests beside the sources out: a test may use any floor", () => {
    const root = tree({ "card/model.test.ts": 'import { cli } from "../cli/main.js";\n' });
    expect(findUpwardImports(root, LAYERING)).toEqual([]);
  });
});
