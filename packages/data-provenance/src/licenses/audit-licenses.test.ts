import { describe, expect, it } from 'vitest';
import { ProvenanceLedgerSchema } from '@rai-audit/core';
import { auditLicenses } from './audit-licenses.js';

const ledger = ProvenanceLedgerSchema.parse({
  version: 1,
  intendedUse: 'commercial',
  model: { license: 'Apache-2.0' },
  datasets: [
    {
      name: 'web',
      license: 'CC-BY-4.0',
      usedFor: ['training'],
      trainingPermission: { status: 'not-allowed', source: 'robots.txt TDM reservation' },
    },
    {
      name: 'forum',
      license: 'CC-BY-NC-SA-4.0',
      sources: [{ license: 'CC-BY-SA-4.0' }],
      usedFor: ['evaluation'],
    },
    {
      name: 'mix',
      license: 'MIT',
      usedFor: ['training'],
      trainingPermission: { status: 'allowed' },
      lineage: { derivedFrom: ['web', 'forum'] },
    },
  ],
});

describe('auditLicenses', () => {
  const audit = auditLicenses(ledger);
  const codes = (subject: string) => audit.conflicts.filter((c) => c.subject === subject).map((c) => c.code);

  it('carries the most restrictive terms down the lineage', () => {
    const mix = audit.datasets.find((d) => d.name === 'mix');
    expect(mix?.terms.commercialUse).toBe('allowed');
    expect(mix?.lineageTerms).toMatchObject({ commercialUse: 'not-allowed', shareAlike: 'yes' });
    expect(codes('mix')).toEqual([
      'use-not-allowed',
      'model-license-permits-commercial',
      'model-license-drops-share-alike',
    ]);
  });

  it('flags training on a source that forbids it, and sources that disagree', () => {
    expect(codes('web')).toEqual(['training-not-allowed']);
    expect(audit.conflicts.find((c) => c.subject === 'web')?.message).toContain('robots.txt TDM reservation');
    expect(codes('forum')).toContain('sources-disagree');
    // Evaluation only: the model licence is not checked against it, the intended use is.
    expect(codes('forum')).not.toContain('model-license-permits-commercial');
  });

  it('a research use has no use conflicts; a model under one share-alike licence cannot keep two', () => {
    const research = auditLicenses(ledger, { intendedUse: 'research', modelLicense: 'CC-BY-NC-SA-4.0' });
    const relevant = research.conflicts.filter(
      (c) => c.code.startsWith('use-') || c.code.startsWith('model-'),
    );
    // forum's source is CC-BY-SA-4.0, its own licence CC-BY-NC-SA-4.0: the model keeps only the second.
    expect(relevant.map((c) => [c.subject, c.code])).toEqual([['mix', 'model-license-drops-share-alike']]);
    const both = auditLicenses(ledger, {
      intendedUse: 'research',
      modelLicense: 'CC-BY-NC-SA-4.0 AND CC-BY-SA-4.0',
    });
    expect(both.conflicts.filter((c) => c.code.startsWith('model-'))).toEqual([]);
  });
});
