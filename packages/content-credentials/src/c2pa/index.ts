export { c2paWasmTrapped, initC2paWasm, readManifestStoreJson } from './c2pa-wasm-runtime.js';
export type {
  ActionEvidence,
  ClaimGeneratorEvidence,
  ContentCredentialsEvidence,
  ContentCredentialsValidation,
  IngredientEvidence,
  IngredientValidationDelta,
  ManifestEvidence,
  ManifestEvidenceResult,
  NoManifestResult,
  ReadErrorKind,
  ReadErrorResult,
  ReadSettingsEvidence,
  RemoteManifestResult,
  SignerEvidence,
  SoftBindingEvidence,
  ValidationState,
  ValidationStatusEntry,
  ValidationStatusGroups,
} from './evidence.js';
export { MAX_INGREDIENT_DEPTH } from './manifest-store.js';
export { C2PA_MEDIA_TYPES, detectMediaType, type C2paMediaType } from './media-type.js';
export { readContentCredentials, type ReadContentCredentialsOptions } from './read-content-credentials.js';
export { classifyReaderError, type ReaderFailure } from './reader-errors.js';
export { buildReaderContext, parseTrustAnchorsPem, type ReaderSettingsInput } from './reader-settings.js';
