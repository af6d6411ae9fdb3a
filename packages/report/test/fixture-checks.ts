/** The checks of the reporter test fixtures: every status and level, across three areas (not exported from index.ts). */
import type { BiasSection, Check } from '@rai-audit/core';

type CheckInput = Pick<Check, 'id' | 'area' | 'title' | 'level' | 'status' | 'message' | 'actual'> &
  Partial<Check>;

/** A check with empty defaults for the fields a test does not care about. */
export function check(input: CheckInput): Check {
  return { expected: null, subject: {}, evidence: '', remediation: 'Review the finding.', ...input };
}

/** Checks in every status and level, across three areas. */
export function demoChecks(section: BiasSection): Check[] {
  const ratio = (attribute: string): number | null =>
    section.summaries.find((s) => s.attribute === attribute && s.summary === 'demographic_parity_ratio')
      ?.value ?? null;
  const parity = {
    id: 'bias.demographic-parity-ratio',
    area: 'bias',
    title: 'Demographic parity ratio',
  } as const;
  const remediation =
    'Investigate why selection rates differ between groups; consider reweighting or threshold adjustment.';
  return [
    check({
      ...parity,
      level: 'error',
      status: 'fail',
      message: 'Selection rate of F is 0.625 times that of M',
      actual: ratio('sex'),
      expected: { operator: '>=', value: 0.8 },
      subject: { attribute: 'sex', metric: 'selection_rate' },
      evidence: 'SR(F) = 120/480 = 0.250; SR(M) = 200/500 = 0.400',
      remediation,
    }),
    check({
      ...parity,
      level: 'warn',
      status: 'warn',
      message: 'Group 65+ has no predicted positives',
      actual: ratio('age_group'),
      expected: { operator: '>=', value: 0.8 },
      subject: { attribute: 'age_group', metric: 'selection_rate' },
      evidence: 'SR(65+) = 0/12; SR(41-65) = 106/268 = 0.396',
      remediation,
    }),
    check({
      id: 'bias.demographic-parity-difference',
      area: 'bias',
      title: 'Demographic parity difference',
      level: 'error',
      status: 'pass',
      message: 'Difference 0.15 is within the limit',
      actual: 0.15,
      expected: { operator: '<=', value: 0.2 },
      subject: { attribute: 'sex' },
      evidence: 'max SR 0.400 (M) − min SR 0.250 (F)',
    }),
    check({
      id: 'bias.missing-attribute-values',
      area: 'bias',
      title: 'Missing sensitive attribute values',
      level: 'warn',
      status: 'pass',
      message: '2% of rows have no value of sex',
      actual: 0.02,
      expected: { operator: '<=', value: 0.05 },
      subject: { attribute: 'sex' },
      evidence: '20 of 1000 rows',
    }),
    check({
      id: 'bias.tpr-disparity',
      area: 'bias',
      title: 'True positive rate disparity',
      level: 'error',
      status: 'not-applicable',
      message: 'TPR is undefined for 65+: the group has no actual positives',
      actual: null,
      expected: { operator: 'between', value: [0.8, 1.25] },
      subject: { attribute: 'age_group', group: '65+', metric: 'tpr' },
    }),
    check({
      id: 'bias.equalized-odds-difference',
      area: 'bias',
      title: 'Equalized odds difference',
      level: 'warn',
      status: 'error',
      message: 'Could not be evaluated: TPR is undefined for one group',
      actual: null,
      expected: { operator: '<=', value: 0.1 },
      subject: { attribute: 'age_group' },
    }),
    check({
      id: 'bias.min-group-size',
      area: 'bias',
      title: 'Minimum group size',
      level: 'off',
      status: 'not-applicable',
      message: 'Check is off in the policy',
      actual: 12,
      expected: { operator: '>=', value: 30 },
      subject: { attribute: 'age_group', group: '65+' },
    }),
    check({
      id: 'c2pa.manifest-valid',
      area: 'content-credentials',
      title: 'C2PA manifest is valid',
      level: 'error',
      status: 'pass',
      message: 'Manifest signature verified',
      actual: true,
      expected: { operator: '==', value: true },
      subject: { file: 'assets/cat.png' },
      evidence: 'claim signature: valid; issuer: rai-audit test CA',
    }),
    check({
      id: 'c2pa.ai-label-present',
      area: 'content-credentials',
      title: 'AI-generation label present',
      level: 'error',
      status: 'fail',
      message: 'No IPTC DigitalSourceType in XMP',
      actual: null,
      expected: { operator: 'present', value: null },
      subject: { file: 'assets\\generated cat #2.jpg' },
      evidence: 'XMP packet found; Iptc4xmpExt:DigitalSourceType absent',
      remediation: 'Run `rai-audit credentials label` on the asset.',
    }),
    check({
      id: 'model-card.metrics-match',
      area: 'model-card',
      title: 'Card metrics match the audit',
      level: 'error',
      status: 'error',
      message: 'The card has no model-index block to compare',
      actual: null,
      expected: { operator: '==', value: 'audit figures' },
      subject: { file: 'README.md', field: 'model-index' },
    }),
  ];
}

/**
 * `bias.disparity.<metric>` checks at level error for every non-reference group of the attributes, as the bias
 * audit writes them: the charts mark ✖ or ● only where such a check judged the value.
 */
export function disparityChecks(
  section: BiasSection,
  metric: 'selection_rate' | 'tpr' | 'fpr',
  attributes: readonly string[],
): Check[] {
  return section.groups.flatMap((row) => {
    const disparity = row.disparities?.[metric];
    if (!attributes.includes(row.attribute) || disparity === undefined) return [];
    if (disparity.parity !== 'pass' && disparity.parity !== 'fail') return [];
    return [
      check({
        id: `bias.disparity.${metric.replaceAll('_', '-')}`,
        area: 'bias',
        title: `${metric} disparity`,
        level: 'error',
        status: disparity.parity,
        message: `${row.attribute}=${row.group}: ratio ${String(disparity.ratio.value)}`,
        actual: disparity.ratio.value ?? null,
        expected: { operator: 'between', value: [0.8, 1.25] },
        subject: { attribute: row.attribute, group: row.group, metric },
      }),
    ];
  });
}
