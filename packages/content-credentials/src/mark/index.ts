export { embedJpegXmp, embedPngXmp, embedWebpXmp, embedXmp, XMP_WRITABLE } from './embed-xmp.js';
export { markAsset, type MarkedAsset, type MarkOptions } from './mark-asset.js';
export { markFile, markProblems, type MarkFileResult } from './mark-files.js';
export {
  creativeWorkAssertion,
  licenseUrl,
  PLUS_DATA_MINING,
  TRAINING_MINING_USES,
  trainingMiningAssertion,
  type OwnershipTerms,
  type TrainingMiningUse,
} from './ownership-terms.js';
export { signC2pa, type C2paAssertion, type C2paSignRequest } from './sign-c2pa.js';
export { buildXmpPacket } from './xmp-writer.js';
