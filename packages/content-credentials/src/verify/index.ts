export { evaluateAssetChecks, type AssetCheckContext } from './asset-checks.js';
export {
  compileAssetRules,
  normalizeHexPayload,
  requirementsFor,
  type AssetRequirementSet,
  type CompiledAssetRule,
} from './asset-rules.js';
export { DEFAULT_THUMBNAIL_SIZE, makeThumbnail } from './asset-thumbnail.js';
export {
  AI_DECLARATION_CHECK,
  C2PA_MANIFEST_CHECK,
  C2PA_SIGNER_CHECK,
  contentCredentialsCheckDefinitions,
  COVERED_CHECK,
  READABLE_CHECK,
  WATERMARK_CHECK,
} from './check-definitions.js';
export {
  collectAssets,
  type AssetEntry,
  type AssetErrorReason,
  type AssetProblem,
  type CollectedAssets,
} from './collect-assets.js';
export { summarizeC2pa, summarizeDeclaration, summarizeWatermark } from './evidence-summaries.js';
export {
  errorAssetResult,
  gatherAssetEvidence,
  type AssetReader,
  type AssetTask,
  type EvidenceSettings,
} from './gather-asset-evidence.js';
export {
  createGlobMatcher,
  GLOB_LIMITS,
  globPatternProblem,
  hasGlobSyntax,
  matchesGlob,
} from './glob-match.js';
export { describeMislabel } from './media-extension.js';
export { checkWatermarkPayloads, type PayloadSource } from './watermark-payload-check.js';
export { runWorkerPool, type PoolOutcome, type WorkerPoolOptions, type WorkerReply } from './worker-pool.js';
export { serveWorkerTasks } from './worker-protocol.js';
export { verifyAssets, type VerifyAssetsOutcome, type VerifyAssetsRequest } from './verify-assets.js';
