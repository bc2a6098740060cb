/** A key or list index from the top of the front matter down, e.g. `["model-index", 0, "results"]`. */
export type EditPath = readonly (string | number)[];

/**
 * One change of source text in the YAML block (offsets in the block), and what it means: the value at `set.path`
 * becomes `set.value` (a lint fix correcting a value), or, without `set`, the Hub reads the very same metadata
 * (re-quoting a scalar, white space).
 */
export interface TextChange {
  start: number;
  end: number;
  text: string;
  set?: { path: EditPath; value: unknown };
}

/** One change to the front matter: what the Hub must read afterwards, whatever bytes it takes. */
export type CardEdit =
  | { kind: "set"; path: EditPath; value: unknown }
  | { kind: "delete"; path: EditPath }
  | { kind: "append"; path: EditPath; value: unknown }
  /** Source text rewritten in place (lint fixes): every change verified together, with one reading. */
  | { kind: "rewrite"; changes: readonly TextChange[] };
