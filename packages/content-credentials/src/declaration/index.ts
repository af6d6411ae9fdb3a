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
} from './ai-declaration.js';
export {
  categorizeDigitalSourceType,
  declaresGenerativeAi,
  IPTC_DIGITAL_SOURCE_TYPE_BASE,
  normalizeDigitalSourceType,
  type DigitalSourceCategory,
} from './digital-source-type.js';
export { readPngXmpPackets } from './png-xmp.js';
export { readAiGenerationDeclaration } from './read-ai-declaration.js';
export { scanRawXmpPackets } from './raw-xmp-scan.js';
export { readXmpDigitalSourceTypes, readXmpPackets, type XmpDigitalSourceTypeLabel } from './read-xmp.js';
export { readWebpXmpPackets } from './webp-xmp.js';
export { MAX_INFLATED_XMP_BYTES, type XmpPacket } from './xmp-packet-sources.js';
export {
  findDigitalSourceTypes,
  IPTC_EXT_NAMESPACE,
  type XmpDigitalSourceTypeProperty,
} from './xmp-packet.js';
