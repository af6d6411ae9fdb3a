import { describe, expect, it } from 'vitest';
import { findLicenseConflicts } from './conflicts.js';
import { combineLicenseTerms, licenseTerms } from './terms.js';

describe('licenseTerms', () => {
  it('reads Creative Commons ids by their parts', () => {
    expect(licenseTerms('CC-BY-NC-SA-4.0')).toEqual({
      commercialUse: 'not-allowed',
      attribution: 'yes',
      shareAlike: 'yes',
      noDerivatives: 'no',
      useRestrictions: 'no',
      unknownIds: [],
    });
    expect(licenseTerms('cc-by-nd-4.0')).toMatchObject({ commercialUse: 'allowed', noDerivatives: 'yes' });
  });

  it('takes the most restrictive across AND', () => {
    expect(licenseTerms('MIT AND CC-BY-NC-4.0 AND GPL-3.0-only')).toMatchObject({
      commercialUse: 'not-allowed',
      shareAlike: 'yes',
      attribution: 'yes',
    });
  });

  it('takes the least restrictive alternative as a whole across OR', () => {
    expect(licenseTerms('CC-BY-NC-4.0 OR GPL-3.0-only')).toMatchObject({
      commercialUse: 'allowed',
      shareAlike: 'yes',
    });
    expect(licenseTerms('CC0-1.0 OR MIT')).toMatchObject({ attribution: 'no' });
  });

  it('reports ids it does not know as unknown, not as permissive', () => {
    expect(licenseTerms('MIT AND LicenseRef-acme')).toMatchObject({
      commercialUse: 'unknown',
      unknownIds: ['LicenseRef-acme'],
    });
    expect(licenseTerms('not a licence')).toMatchObject({ commercialUse: 'unknown' });
  });

  it('combines terms along lineage to the most restrictive', () => {
    const combined = combineLicenseTerms([
      licenseTerms('MIT'),
      licenseTerms('openrail'),
      licenseTerms('CC-BY-SA-4.0'),
    ]);
    expect(combined).toMatchObject({ commercialUse: 'allowed', shareAlike: 'yes', useRestrictions: 'yes' });
  });
});

describe('findLicenseConflicts', () => {
  it('flags a commercial use of non-commercial data, and a model licence that drops the restriction', () => {
    const conflicts = findLicenseConflicts({
      subject: 'faces',
      terms: licenseTerms('CC-BY-NC-SA-4.0'),
      expression: 'CC-BY-NC-SA-4.0',
      intendedUse: 'commercial',
      modelLicense: 'Apache-2.0',
    });
    expect(conflicts.map((c) => c.code)).toEqual([
      'use-not-allowed',
      'model-license-permits-commercial',
      'model-license-drops-share-alike',
    ]);
  });

  it('finds nothing when the model keeps the share-alike licence and the use is research', () => {
    expect(
      findLicenseConflicts({
        subject: 'wiki',
        terms: licenseTerms('CC-BY-SA-4.0'),
        expression: 'CC-BY-SA-4.0',
        intendedUse: 'research',
        modelLicense: 'CC-BY-SA-4.0',
      }),
    ).toEqual([]);
  });

  it('warns when terms are unknown and when use restrictions are not passed on', () => {
    const codes = findLicenseConflicts({
      subject: 'x',
      terms: licenseTerms('openrail AND LicenseRef-acme'),
      intendedUse: 'commercial',
      modelLicense: 'MIT',
    }).map((c) => c.code);
    expect(codes).toEqual(['use-unknown', 'model-license-drops-use-restrictions', 'terms-unknown']);
  });
});
