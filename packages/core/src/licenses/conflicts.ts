import { parseLicenseExpression } from './parse.js';
import { licenseTerms } from './terms.js';
import { termsOfLicenseId, type LicenseTerms } from './terms-table.js';

/** What the material is going to be used for. Research counts as non-commercial. */
export type IntendedUse = 'commercial' | 'non-commercial' | 'research';

export interface LicenseConflict {
  /** Stable code: `use-not-allowed`, `model-license-permits-commercial`, … */
  code:
    | 'use-not-allowed'
    | 'use-unknown'
    | 'terms-unknown'
    | 'model-license-permits-commercial'
    | 'model-license-drops-share-alike'
    | 'model-license-drops-use-restrictions'
    | 'no-derivatives';
  severity: 'error' | 'warn';
  /** The dataset (or model) the conflict is about. */
  subject: string;
  message: string;
}

export interface LicenseConflictInput {
  /** Name of the dataset (or model) whose terms these are. */
  subject: string;
  /** Its terms, combined along its lineage (`combineLicenseTerms`). */
  terms: LicenseTerms;
  /** Its licence expression (along lineage: the AND of them), to tell whether a model keeps a share-alike licence. */
  expression?: string;
  intendedUse?: IntendedUse;
  /** The licence of a model trained on the material. */
  modelLicense?: string;
}

function useConflicts(input: LicenseConflictInput): LicenseConflict[] {
  if (input.intendedUse !== 'commercial') return [];
  const { subject, terms } = input;
  if (terms.commercialUse === 'not-allowed') {
    return [
      {
        code: 'use-not-allowed',
        severity: 'error',
        subject,
        message: `${subject} does not allow commercial use`,
      },
    ];
  }
  if (terms.commercialUse === 'unknown') {
    return [
      {
        code: 'use-unknown',
        severity: 'warn',
        subject,
        message: `whether ${subject} allows commercial use is unknown`,
      },
    ];
  }
  return [];
}

function modelConflicts(input: LicenseConflictInput, modelLicense: string): LicenseConflict[] {
  const { subject, terms } = input;
  const model = licenseTerms(modelLicense);
  const conflicts: LicenseConflict[] = [];
  if (terms.commercialUse === 'not-allowed' && model.commercialUse === 'allowed') {
    conflicts.push({
      code: 'model-license-permits-commercial',
      severity: 'error',
      subject,
      message: `the model licence ${modelLicense} allows commercial use, but ${subject} is non-commercial`,
    });
  }
  const dataIds = input.expression ? parseLicenseExpression(input.expression) : undefined;
  const modelIds = parseLicenseExpression(modelLicense);
  // Share-alike is kept when every share-alike licence of the material is also the model's licence.
  const shareAlikeIds = dataIds?.ok
    ? dataIds.ids.filter((id) => termsOfLicenseId(id)?.shareAlike === 'yes')
    : [];
  const sameLicence =
    shareAlikeIds.length > 0 && modelIds.ok && shareAlikeIds.every((id) => modelIds.ids.includes(id));
  if (terms.shareAlike === 'yes' && !sameLicence) {
    conflicts.push({
      code: 'model-license-drops-share-alike',
      severity: 'warn',
      subject,
      message: `${subject} is share-alike; if the model is a derivative of it, ${modelLicense} must be the same licence`,
    });
  }
  if (terms.useRestrictions === 'yes' && model.useRestrictions !== 'yes') {
    conflicts.push({
      code: 'model-license-drops-use-restrictions',
      severity: 'warn',
      subject,
      message: `${subject} carries use restrictions that ${modelLicense} does not pass on`,
    });
  }
  if (terms.noDerivatives === 'yes') {
    conflicts.push({
      code: 'no-derivatives',
      severity: 'error',
      subject,
      message: `${subject} forbids sharing derivatives; a model trained on it may be one`,
    });
  }
  return conflicts;
}

/**
 * Conflicts between a dataset's (or model's) licence terms and how it is used: the intended use, and the licence of
 * a model trained on it (non-commercial, share-alike, use restrictions and no-derivatives carried from data to model).
 */
export function findLicenseConflicts(input: LicenseConflictInput): LicenseConflict[] {
  const conflicts = useConflicts(input);
  if (input.modelLicense) conflicts.push(...modelConflicts(input, input.modelLicense));
  if (input.terms.unknownIds.length > 0) {
    conflicts.push({
      code: 'terms-unknown',
      severity: 'warn',
      subject: input.subject,
      message: `the terms of ${input.terms.unknownIds.join(', ')} are not known to rai-audit; review them by hand`,
    });
  }
  return conflicts;
}
