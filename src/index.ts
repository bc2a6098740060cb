export * from "./card/index.js";
export { cli } from "./cli/main.js";
export * from "./generate/index.js";
export * from "./hub/index.js";
export {
  type CardImage,
  type ReplaceCardAndImagesParams,
  type ReplacedCard,
  replaceCardAndImages,
} from "./io/replace-card-and-images.js";
export { writeFileAtomically } from "./io/write-file-atomically.js";
export * from "./lint/index.js";
export * from "./preview/index.js";
export {
  QUANTIZATION_SCHEMES,
  type QuantizationScheme,
  quantizationScheme,
} from "./vocabulary/quantization-schemes.js";
