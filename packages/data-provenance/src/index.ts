export {
  hashFiles,
  type HashJob,
  type HashOutcome,
  type HashOptions,
  type HashProgress,
} from './hashing/hash-pool.js';
export { walkTracked, relativeInside, type WalkedFile, type WalkResult } from './walk/walk-tracked.js';
export { buildLock, datasetDigest, lockIntegrity, sealDataset, serializeLock } from './lock/lock-content.js';
export { readLock, LOCK_FIX } from './lock/lock-file.js';
export { withMutex } from './lock/ledger-mutex.js';
export { writeFileAtomic } from './files/atomic-write.js';
export { validateLedger, formatLedgerIssues, type LedgerIssue } from './ledger/validate-ledger.js';
export { loadLedger, addToLedgerDocument, writeLedger, type LoadedLedger } from './ledger/ledger-file.js';
export { addFiles, type AddFilesOptions, type AddFilesResult } from './record/add-files.js';
export { provenancePaths, LOCK_FILE_NAME, type ProvenancePaths } from './record/provenance-paths.js';
export { compareDataset, planHashing } from './verify/compare-files.js';
export {
  verifyDatasets,
  type VerifyOptions,
  type VerifyResult,
  type VerifiedDataset,
} from './verify/verify-datasets.js';
export {
  auditLicenses,
  type LicenseAudit,
  type DatasetLicense,
  type ProvenanceConflict,
} from './licenses/audit-licenses.js';
export { buildProvenanceSection, provenanceChecks } from './section/build-section.js';
export { dataProvenanceCheckDefinitions } from './section/check-definitions.js';
export { exportCroissant, CROISSANT_CONTEXT } from './export/croissant.js';
export { exportCycloneDx } from './export/cyclonedx.js';
export { exportSpdx } from './export/spdx.js';
export type { ExportInput } from './export/export-input.js';
export { importCroissant, licenseFromCroissant } from './import/croissant-import.js';
export { importDvc } from './import/dvc-import.js';
export { applyImport } from './import/apply-import.js';
export type { ImportFinding, ImportResult, ImportedDataset } from './import/imported.js';
