/** A key or list index from the top of the front matter down, e.g. `["model-index", 0, "results"]`. */
export type EditPath = readonly (string | number)[];

/** One change to the front matter: what the Hub must read afterwards, whatever bytes it takes. */
export type CardEdit =
  | { kind: "set"; path: EditPath; value: unknown }
  | { kind: "delete"; path: EditPath }
  | { kind: "append"; path: EditPath; value: unknown };
