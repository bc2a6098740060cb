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
}

export const CARD_PROBLEM_CODES = {
  "yaml-syntax": "The front matter is not valid YAML.",
  "duplicate-key": "A mapping holds the same key twice; YAML 1.2 forbids it, PyYAML keeps the last one.",
  "tab-indentation": "A tab is used for indentation, which YAML forbids.",
  "tab-character": "A tab separates tokens; YAML 1.2 allows it, PyYAML (huggingface_hub) cannot read it.",
  "not-a-mapping": "The front matter is a list or a scalar; the Hub requires a mapping.",
  "non-string-key": "A key is not a string (a number, boolean, null or collection).",
  "alias-limit": "Aliases expand beyond the safe limit (a 'billion laughs' document).",
  "block-too-large": "The front-matter block is too large to parse safely.",
  "unsafe-key": "A key such as __proto__ or constructor, kept as plain data but worth renaming.",
  "invalid-model-index": "The model-index does not follow the Hub's schema, so it yields no evaluation results.",
} as const;

export type CardProblemCode = keyof typeof CARD_PROBLEM_CODES;
