/** A content problem found while reading a card. Parsing never throws on bad content; it collects these. */
export interface CardProblem {
  /** Stable, kebab-case identifier (see `CARD_PROBLEM_CODES`). */
  code: CardProblemCode;
  severity: "error" | "warning";
  message: string;
  /** 1-based line and column in the card file (not in the YAML block). */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A safe repair, as an edit of the YAML block (offsets in the block): the Hub reads the result the same. */
  fix?: { range: [number, number]; text: string };
}

export const CARD_PROBLEM_CODES = {
  "yaml-syntax": "js-yaml, the Hub's reader, cannot read the front matter; the Hub rejects the card.",
  "duplicate-key": "A mapping holds the same key twice; js-yaml (the Hub) rejects it, PyYAML keeps the last one.",
  "tab-character": "A tab separates tokens; the Hub reads it, PyYAML (huggingface_hub) cannot.",
  "strict-yaml":
    "The Hub reads the front matter, but strict YAML 1.2 readers reject it (a quoted string continued at column 0).",
  "not-a-mapping": "The front matter is empty, a list or a scalar; the Hub requires a mapping.",
  "alias-limit": "Aliases expand beyond the safe limit (a 'billion laughs' document).",
  "block-too-large": "The front-matter block is too large to parse safely.",
  "nesting-limit":
    "Collections nest deeper than the fixed limit (MAX_NESTING_DEPTH) that the Hub's reader is sure to read.",
  "unsafe-key": "A key such as __proto__ or constructor, kept as plain data but worth renaming.",
  "invalid-utf8": "The file holds bytes that are not valid UTF-8; they read as U+FFFD.",
  "binary-content": "The file holds a NUL byte: binary content, not a card; it is not read further.",
  "invalid-model-index": "The model-index does not follow the Hub's schema, so it yields no evaluation results.",
} as const;

export type CardProblemCode = keyof typeof CARD_PROBLEM_CODES;

const BLOCK_POSITION = / \(\d+:\d+\)$/;

/**
 * A problem's words for a line that already shows the file's position: js-yaml's message ends with its position
 * in the block ("bad indentation of a mapping entry (2:15)"), which would show a second, different position.
 */
export function problemText(problem: Pick<CardProblem, "message">): string {
  return problem.message.replace(BLOCK_POSITION, "");
}
