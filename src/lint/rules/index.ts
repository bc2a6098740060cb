import type { LintRule } from "../types.js";
import { baseModelRelation } from "./base-model-relation.js";
import { crossReader } from "./cross-reader.js";
import { duplicateKey } from "./duplicate-key.js";
import { fieldType } from "./field-type.js";
import { hubId } from "./hub-id.js";
import { invalidUtf8 } from "./invalid-utf8.js";
import { language } from "./language.js";
import { libraryName } from "./library-name.js";
import { license } from "./license.js";
import { metricRange } from "./metric-range.js";
import { metricValue } from "./metric-value.js";
import { modelIndexSchema } from "./model-index-schema.js";
import { noFrontMatter } from "./no-front-matter.js";
import { notAMapping } from "./not-a-mapping.js";
import { perplexityMatchesLoss } from "./perplexity-matches-loss.js";
import { pipelineTag } from "./pipeline-tag.js";
import { quantizationTypes } from "./quantization-types.js";
import { requiredFields } from "./required-fields.js";
import { strictYaml } from "./strict-yaml.js";
import { tabIndentation } from "./tab-indentation.js";
import { trainingHyperparameters } from "./training-hyperparameters.js";
import { unsafeKey } from "./unsafe-key.js";
import { yamlSyntax } from "./yaml-syntax.js";

/** The built-in rules, in the order they run: syntax first, then fields, vocabularies, ids, values, consistency. */
export const BUILT_IN_RULES: readonly LintRule[] = [
  invalidUtf8,
  noFrontMatter,
  yamlSyntax,
  tabIndentation,
  strictYaml,
  duplicateKey,
  notAMapping,
  unsafeKey,
  requiredFields,
  license,
  pipelineTag,
  libraryName,
  language,
  hubId,
  fieldType,
  baseModelRelation,
  modelIndexSchema,
  metricValue,
  metricRange,
  perplexityMatchesLoss,
  trainingHyperparameters,
  quantizationTypes,
  crossReader,
];
