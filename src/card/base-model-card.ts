/**
 * What the base model's own card says, as the caller read it (the CLI reads it from the Hub; `generate` never
 * does): the lowest-precedence source of `license` (with `license_name` and an absolute `license_link`),
 * `language` and `pipeline_tag`, below the run directory and above a profile's defaults.
 */
export interface BaseModelCard {
  /** The base model's repo id, named by `--explain` (`<- base model card owner/name`). */
  repo: string;
  license?: string;
  /** Given with `license: other`; used only when the license itself comes from this card. */
  licenseName?: string;
  /** An absolute URL (a relative `LICENSE` points into the base model's repository); with the license only. */
  licenseLink?: string;
  language?: string[];
  pipelineTag?: string;
}
