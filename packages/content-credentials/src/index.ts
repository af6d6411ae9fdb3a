export { DEFAULT_MAX_PIXELS, readImagePixels, type ReadPixelsOptions } from './pixels.js';
export { detectWatermark, type DetectWatermarkOptions } from './watermark/detect-watermark.js';
export {
  decodeDwtDct,
  DEFAULT_WATERMARK_FALSE_POSITIVE_RATE,
  detectDwtDct,
  DWTDCT_MIN_PIXELS,
  MAX_BIT_ERROR_PERCENT,
  type DwtDctOptions,
  type PayloadScore,
  type VariantScore,
  type WatermarkDetection,
} from './watermark/dwtdct.js';
export { computeBlockVotes, countBlocks, DWTDCT_SCALE, type PixelBuffer } from './watermark/block-votes.js';
export { decodeBitsFromVotes, type DecodedBits } from './watermark/bit-decoding.js';
export {
  chromaUFloat,
  chromaUInt8,
  DECODE_VARIANTS,
  type ChannelOrder,
  type ChromaMode,
  type DecodeVariant,
} from './watermark/chroma.js';
export { haarForward2d, haarInverse2d, type HaarBands, type HaarRounding } from './watermark/haar.js';
export {
  KNOWN_WATERMARK_PAYLOADS,
  parseWatermarkPayload,
  type WatermarkPayload,
} from './watermark/payloads.js';
export { hypergeometricUpperTail, scoreBitAgreement, type BitAgreement } from './watermark/significance.js';
export * from './c2pa/index.js';
export * from './declaration/index.js';
export * from './verify/index.js';
export * from './keys/index.js';
export { embedDwtDct, watermarkPayloadFor } from './watermark/embed-dwtdct.js';
export * from './mark/index.js';
export { readAssetTerms } from './terms/read-terms.js';
