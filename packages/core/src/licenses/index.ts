export { parseLicenseExpression, type LicenseNode, type ParsedLicense } from './parse.js';
export { licenseTerms, combineLicenseTerms } from './terms.js';
export type { LicenseTerms, Permission, Obligation } from './terms-table.js';
export {
  findLicenseConflicts,
  type IntendedUse,
  type LicenseConflict,
  type LicenseConflictInput,
} from './conflicts.js';
