import { MAX_NESTING_DEPTH } from "../../src/card/index.js";

/** Cards built to break a reader: deep nesting in flow and block style, a long line, an alias chain, control bytes. */
export const HOSTILE_CARDS = {
  "deep-flow.md": `---\nlicense: mit\ntags: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n# Deep\n`,
  "deep-flow-mapping.md": `---\nlicense: mit\nx: ${"{a: ".repeat(5000)}1${"}".repeat(5000)}\n---\n# Deep\n`,
  "deep-block.md": `---\nlicense: mit\ntags:\n${"- ".repeat(5000)}x\n---\n# Deep\n`,
  "deep-50000.md": `---\nlicense: mit\ntags: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n---\n# Deep\n`,
  "long-line.md": `---\nlicense: mit\ndescription: ${"lorem ".repeat(300_000)}\n---\n# Long\n`,
  "alias-chain.md": `---\nlicense: mit\na: &a [x, x, x, x, x, x, x, x, x]\n${["b", "c", "d", "e", "f", "g", "h"]
    .map(
      (name, index) =>
        `${name}: &${name} [${Array(9)
          .fill(`*${index === 0 ? "a" : "bcdefgh"[index - 1]}`)
          .join(", ")}]`,
    )
    .join("\n")}\n---\n# Aliases\n`,
  "control-bytes.md":
    "---\nlicense: mit\ntitle: \x01\x07\x1b[31mred\x1b[0m\u0085\u2028\nbad: \x0b\x7f\n---\n# \x1b]8;;x\x07\n",
} as const;

/** The message a card nested past the limit gets, as `lint` prints it. */
export const NESTING_MESSAGE = `Collections nest more than ${MAX_NESTING_DEPTH} levels deep here`;
