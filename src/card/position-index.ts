import { load } from "js-yaml";
import { HUB_YAML_OPTIONS } from "./hub-yaml.js";

/** Where one node of the front matter lies, in offsets of the YAML block. */
export interface PositionNode {
  /** The value's first character (after spaces, comments, an anchor or a tag); `end` is past its last one. */
  start: number;
  end: number;
  kind: "mapping" | "sequence" | "scalar" | "empty";
  /** Pairs of a mapping by key (as js-yaml names them); items of a sequence by index. */
  entries?: Map<string, PositionEntry>;
  items?: PositionNode[];
}

export interface PositionEntry {
  keyStart: number;
  keyEnd: number;
  key: PositionNode;
  value: PositionNode | null;
}

export type KeyPath = readonly (string | number)[];

interface Frame {
  open: number;
  end: number;
  kind: PositionNode["kind"];
  result: unknown;
  children: Frame[];
}

/**
 * Positions of every key and value, from js-yaml's own pass over the text (its `listener` option, js-yaml 4.1:
 * an `open` event when it starts a node, a `close` event with the node's kind and value when it ends one). The
 * events carry no key path, so the tree is rebuilt here: a mapping's children alternate keys and values (a key is
 * the child followed by `:`), a sequence's children are its items. Built only when a message needs a position.
 */
export class PositionIndex {
  readonly #text: string;
  readonly root: PositionNode | null;

  constructor(yamlText: string) {
    this.#text = yamlText;
    this.root = this.#build();
  }

  #build(): PositionNode | null {
    const text = this.#text;
    const stack: Frame[] = [{ open: 0, end: 0, kind: "empty", result: null, children: [] }];
    try {
      load(text, {
        ...HUB_YAML_OPTIONS,
        listener: (event, state) => {
          if (event === "open") {
            stack.push({ open: state.position, end: state.position, kind: "empty", result: null, children: [] });
            return;
          }
          const frame = stack.pop();
          const parent = stack[stack.length - 1];
          if (!frame || !parent) return;
          frame.end = state.position;
          frame.result = state.result;
          frame.kind =
            state.kind === "mapping" || state.kind === "sequence" || state.kind === "scalar" ? state.kind : "empty";
          // js-yaml tries a block mapping key inside some nodes before it knows what they are: one child with the
          // very same value is the parent itself.
          const only = frame.children[0];
          if (frame.children.length === 1 && only && Object.is(only.result, frame.result)) {
            parent.children.push(only);
          } else {
            parent.children.push(frame);
          }
        },
      });
    } catch {
      return null;
    }
    const root = stack[0]?.children[0];
    return root ? this.#node(root) : null;
  }

  #node(frame: Frame): PositionNode {
    const index = this;
    const start = this.#valueStart(frame.open, frame.end);
    const end = this.#trimEnd(start, frame.end);
    // Children are placed when first asked for: a message needs one path, not the whole tree.
    if (frame.kind === "sequence") {
      let items: PositionNode[] | undefined;
      return {
        start,
        end,
        kind: "sequence",
        get items() {
          items ??= index.#items(frame);
          return items;
        },
      };
    }
    if (frame.kind === "mapping") {
      let entries: Map<string, PositionEntry> | undefined;
      return {
        start,
        end,
        kind: "mapping",
        get entries() {
          entries ??= index.#entries(frame);
          return entries;
        },
      };
    }
    if (frame.kind === "scalar") return { start, end, kind: "scalar" };
    // Nothing was written: the place is just past the spaces after the colon.
    let at = frame.open;
    while (this.#text[at] === " " || this.#text[at] === "\t") at++;
    return { start: at, end: at, kind: "empty" };
  }

  /** js-yaml adds an empty block item (`-` alone on its line) without opening a node: match children to items. */
  #items(frame: Frame): PositionNode[] {
    const values = Array.isArray(frame.result) ? frame.result : [];
    if (values.length === frame.children.length) return frame.children.map((child) => this.#node(child));
    const items: PositionNode[] = [];
    let next = 0;
    for (const value of values) {
      const child = frame.children[next];
      if (child && Object.is(child.result, value)) {
        items.push(this.#node(child));
        next++;
      } else {
        // The empty item's place: just past its `-` and the spaces after it.
        const text = this.#text;
        let at = text.indexOf("-", items[items.length - 1]?.end ?? frame.open) + 1;
        while (text[at] === " " || text[at] === "\t") at++;
        items.push({ start: at, end: at, kind: "empty" });
      }
    }
    return items;
  }

  #entries(frame: Frame): Map<string, PositionEntry> {
    const entries = new Map<string, PositionEntry>();
    let pending: Frame | null = null;
    const settle = (key: Frame, value: Frame | null) => {
      const node = this.#node(key);
      entries.set(String(key.result), {
        keyStart: node.start,
        keyEnd: node.end,
        key: node,
        value: value ? this.#node(value) : null,
      });
    };
    for (const child of frame.children) {
      if (this.#isKey(child)) {
        if (pending) settle(pending, null);
        pending = child;
      } else if (pending) {
        settle(pending, child);
        pending = null;
      } else {
        // A key with no value (`{k}`, `? k`).
        settle(child, null);
      }
    }
    if (pending) settle(pending, null);
    return entries;
  }

  /**
   * A mapping child is a key when the next character that is not white space or a comment is the `:` indicator:
   * followed by white space, or right after a quoted or flow key (`{"a":1}`).
   */
  #isKey(frame: Frame): boolean {
    const text = this.#text;
    let index = frame.end;
    while (index < text.length) {
      const char = text[index];
      if (char === " " || char === "\t" || char === "\r" || char === "\n") index++;
      else if (char === "#") index = lineEnd(text, index);
      else if (char !== ":") return false;
      else {
        const after = text[index + 1];
        if (after === undefined || after === " " || after === "\t" || after === "\r" || after === "\n") return true;
        const last = text[this.#trimEnd(frame.open, index) - 1];
        return index === frame.end && (last === '"' || last === "'" || last === "}" || last === "]");
      }
    }
    return false;
  }

  /** js-yaml opens a value before the space after the colon: skip that, comments, an anchor and a tag. */
  #valueStart(open: number, end: number): number {
    const text = this.#text;
    let index = open;
    while (index < end) {
      const char = text[index];
      if (char === " " || char === "\t" || char === "\r" || char === "\n") index++;
      else if (char === "#") index = lineEnd(text, index);
      else if ((char === "&" || char === "!") && end > index) {
        while (index < end && !isSpace(text.charCodeAt(index))) index++;
      } else break;
    }
    return Math.min(index, end);
  }

  /** js-yaml closes a node after the spaces (and line breaks) that follow it. */
  #trimEnd(start: number, end: number): number {
    const text = this.#text;
    let index = end;
    while (index > start && isSpace(text.charCodeAt(index - 1))) index--;
    return index;
  }

  /** The node at `path`, or null. */
  nodeAt(path: KeyPath): PositionNode | null {
    let node = this.root;
    for (const step of path) {
      if (!node) return null;
      if (typeof step === "number") node = node.items?.[step] ?? null;
      else node = node.entries?.get(step)?.value ?? null;
    }
    return node;
  }

  /** The entry of the pair at `path` (its key's place and its value), or null. */
  entryAt(path: KeyPath): PositionEntry | null {
    const key = path[path.length - 1];
    if (typeof key !== "string") return null;
    return this.nodeAt(path.slice(0, -1))?.entries?.get(key) ?? null;
  }

  /** Every scalar, with its path; `isKey` for a mapping key (its path is then the mapping's). */
  forEachScalar(visit: (path: (string | number)[], node: PositionNode, isKey: boolean) => void): void {
    const walk = (node: PositionNode | null, path: (string | number)[]) => {
      if (!node) return;
      if (node.kind === "scalar") visit(path, node, false);
      node.items?.forEach((item, index) => {
        walk(item, [...path, index]);
      });
      for (const [key, entry] of node.entries ?? []) {
        if (entry.key.kind === "scalar") visit(path, entry.key, true);
        walk(entry.value, [...path, key]);
      }
    };
    walk(this.root, []);
  }

  /** The text of the node. */
  source(node: PositionNode): string {
    return this.#text.slice(node.start, node.end);
  }
}

/** Space, tab, CR, LF. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf("\n", from);
  return newline === -1 ? text.length : newline;
}
