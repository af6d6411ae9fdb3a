export {
  parseCardSource,
  formatCardIssues,
  type CardIssue,
  type CardSourceParse,
} from './source/parse-card-source.js';
export { cardLicenseIssues } from './source/card-licenses.js';
export { starterCard, type StarterOptions } from './source/starter-card.js';
export { readAuditResult } from './evaluation/read-audit-result.js';
export {
  evaluationRecords,
  chartData,
  DEFAULT_MEASURES,
  type AuditSource,
} from './evaluation/evaluation-records.js';
export { resultTables, formatEstimate, sliceName, type ResultTable } from './evaluation/result-tables.js';
export { cardDataRecords, provenanceFromCycloneDx, type ProvenanceDataset } from './data/card-data.js';
export { buildCard, CARD_OUTPUT_FILES, type CardBuild, type CardBuildInput } from './build/build-card.js';
export { HubFrontMatterSchema, HubEvalResultSchema, type HubFrontMatter } from './hub/hub-metadata.js';
export { hubLicense } from './hub/hub-license.js';
export { buildMlBom } from './cyclonedx/ml-bom.js';
export { lintCard } from './lint/lint-card.js';
export { modelCardCheckDefinitions, CARD_CHECKS } from './lint/check-definitions.js';
export { importHfReadme } from './import/hf-readme.js';
export { importMctJson } from './import/mct-json.js';
export { formatLossReport, type LossReport } from './import/loss-report.js';
export {
  loadCardSource,
  loadAuditSources,
  loadProvenance,
  currentDigests,
  importCardFile,
} from './adapters/card-files.js';
