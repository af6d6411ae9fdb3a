/**
 * The public API of `@rai-audit/content-credentials`: what `rai-audit assets verify` and a program that reads
 * provenance evidence need. Building blocks (Haar transform, block votes, XMP chunk readers, the walker, the
 * worker pool…) stay internal; tests import them from their modules.
 */

// Watermark: detection from a path, bytes or pixels, and the pixel adapter.
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
export type { PixelBuffer } from './watermark/block-votes.js';
export type { DecodedBits } from './watermark/bit-decoding.js';
export {
  DECODE_VARIANTS,
  type ChannelOrder,
  type ChromaMode,
  type DecodeVariant,
} from './watermark/chroma.js';
export type { HaarRounding } from './watermark/haar.js';
export {
  KNOWN_WATERMARK_PAYLOADS,
  parseWatermarkPayload,
  type WatermarkPayload,
} from './watermark/payloads.js';

// C2PA manifests.
export { c2paWasmTrapped, initC2paWasm } from './c2pa/c2pa-wasm-runtime.js';
export type * from './c2pa/evidence.js';
export { C2PA_MEDIA_TYPES, detectMediaType, type C2paMediaType } from './c2pa/media-type.js';
export {
  readContentCredentials,
  type ReadContentCredentialsOptions,
} from './c2pa/read-content-credentials.js';
export { parseTrustAnchorsPem } from './c2pa/reader-settings.js';

// AI-generation declarations (C2PA actions and IPTC XMP).
export {
  declareAiGeneration,
  DECLARATION_SOURCES,
  hasGenerativeAiClaim,
  type AiDeclarationVerdict,
  type AiGenerationDeclaration,
  type DeclarationSource,
  type DigitalSourceTypeClaim,
  type SourceDeclaration,
  type SourceDisagreement,
  type SourceStance,
} from './declaration/ai-declaration.js';
export {
  categorizeDigitalSourceType,
  declaresGenerativeAi,
  IPTC_DIGITAL_SOURCE_TYPE_BASE,
  normalizeDigitalSourceType,
  type DigitalSourceCategory,
} from './declaration/digital-source-type.js';
export { readAiGenerationDeclaration } from './declaration/read-ai-declaration.js';
export { readXmpDigitalSourceTypes, type XmpDigitalSourceTypeLabel } from './declaration/read-xmp.js';

// `rai-audit assets verify`: the gate and its checks.
export {
  AI_DECLARATION_CHECK,
  C2PA_MANIFEST_CHECK,
  C2PA_SIGNER_CHECK,
  contentCredentialsCheckDefinitions,
  COVERED_CHECK,
  READABLE_CHECK,
  WATERMARK_CHECK,
} from './verify/check-definitions.js';
export type { AssetErrorReason, AssetProblem } from './verify/collect-assets.js';
export { verifyAssets, type VerifyAssetsOutcome, type VerifyAssetsRequest } from './verify/verify-assets.js';

// `rai-audit assets keygen` and `assets mark`: test certificates, the COSE signer, the watermark embedder, marking.
export * from './keys/index.js';
export { embedDwtDct, watermarkPayloadFor } from './watermark/embed-dwtdct.js';
export * from './mark/index.js';
export { readAssetTerms } from './terms/read-terms.js';
