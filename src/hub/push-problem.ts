/** A reason not to push, or a remark worth showing, from the local checks or from the Hub's validation. */
export interface PushProblem {
  /**
   * `card` for the local checks (card reading or lint rules), `files` for the files of a folder (a symlink leading
   * out of it), `hub` for the Hub's validate-yaml endpoint.
   */
  source: "card" | "files" | "hub";
  /** Stable identifier: a card problem code or lint rule id; `hub-error` / `hub-warning` for the Hub's messages. */
  code: string;
  severity: "error" | "warning";
  message: string;
  /** The path in the repository the problem is about, when it is not the card. */
  path?: string;
  /** 1-based position in the card file, when known (the Hub's messages carry none; the key they name is looked up). */
  line?: number;
  column?: number;
}
