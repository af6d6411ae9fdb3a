/**
 * Realistic AuditResult fixtures for the reporter tests (not exported from index.ts). Every figure is derived from
 * the confusion counts, so tables, charts and summaries agree the way a real bias audit's output would.
 */
import { AuditResultSchema, summarizeChecks } from '@rai-audit/core';
import type {
  AuditResult,
  BiasMetricId,
  BiasSection,
  BiasSummary,
  Check,
  ConfusionCounts,
  GroupMetrics,
  MetricValue,
} from '@rai-audit/core';
import { check, demoChecks, disparityChecks } from './fixture-checks.js';
import { buildDatasetSection } from './fixture-dataset.js';
import { RACES, buildFullSection, raceSexSpecs } from './fixture-full.js';

export const SCRIPT_INJECTION = '</script><script>alert(1)</script>';
export const IMG_INJECTION = '<img src=x onerror=alert(1)>';

interface AttributeSpec {
  name: string;
  groups: { name: string; counts: ConfusionCounts }[];
  missingRows: number;
}

function rate(numerator: number, denominator: number, reason: string, interval = false): MetricValue {
  if (denominator === 0) return { value: null, numerator, denominator, reason };
  const value = numerator / denominator;
  if (!interval) return { value, numerator, denominator };
  // Wilson score interval at 95%, as the bias package reports it.
  const z = 1.959964;
  const center = (value + (z * z) / (2 * denominator)) / (1 + (z * z) / denominator);
  const half =
    (z / (1 + (z * z) / denominator)) *
    Math.sqrt((value * (1 - value)) / denominator + (z * z) / (4 * denominator * denominator));
  return {
    value,
    numerator,
    denominator,
    interval: {
      lower: Math.max(0, center - half),
      upper: Math.min(1, center + half),
      level: 0.95,
      method: 'wilson',
    },
  };
}

function groupMetrics(attribute: string, group: string, counts: ConfusionCounts): GroupMetrics {
  const { tp, fp, tn, fn } = counts;
  const n = tp + fp + tn + fn;
  const metrics: Partial<Record<BiasMetricId, MetricValue>> = {
    selection_rate: rate(tp + fp, n, 'the group has no rows', true),
    accuracy: rate(tp + tn, n, 'the group has no rows'),
    tpr: rate(tp, tp + fn, 'no actual positives in this group (TP+FN = 0)'),
    fpr: rate(fp, fp + tn, 'no actual negatives in this group (FP+TN = 0)'),
    precision: rate(tp, tp + fp, 'no predicted positives in this group (TP+FP = 0)'),
  };
  return { attribute, group, n, counts, metrics };
}

function sumCounts(all: readonly ConfusionCounts[]): ConfusionCounts {
  return all.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, tn: a.tn + b.tn, fn: a.fn + b.fn }), {
    tp: 0,
    fp: 0,
    tn: 0,
    fn: 0,
  });
}

function parityExtremes(attribute: string, groups: readonly GroupMetrics[]): BiasSummary[] {
  const rates = groups.flatMap((g) => {
    const value = g.metrics.selection_rate?.value;
    return value === null || value === undefined ? [] : [{ group: g.group, value }];
  });
  const highest = rates.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = rates.reduce((a, b) => (b.value < a.value ? b : a));
  const ratio = highest.value === 0 ? null : lowest.value / highest.value;
  const base = { attribute, metric: 'selection_rate' as const, highest, lowest };
  return [
    { ...base, summary: 'demographic_parity_difference', value: highest.value - lowest.value },
    ratio === null
      ? {
          ...base,
          summary: 'demographic_parity_ratio',
          value: null,
          reason: 'every group has selection rate 0',
        }
      : { ...base, summary: 'demographic_parity_ratio', value: ratio },
  ];
}

/** A bias section over the given attributes; every attribute's groups must cover the same rows. */
export function buildBiasSection(attributes: readonly AttributeSpec[]): BiasSection {
  const groups = attributes.flatMap((a) => a.groups.map((g) => groupMetrics(a.name, g.name, g.counts)));
  const first = attributes[0];
  if (first === undefined) throw new Error('a bias section needs at least one attribute');
  const overall = groupMetrics('(overall)', '(overall)', sumCounts(first.groups.map((g) => g.counts)));
  return {
    kind: 'bias',
    id: 'bias',
    title: 'Bias: predictions by group',
    mode: 'predictions',
    columns: { attributes: attributes.map((a) => a.name), label: 'label', prediction: 'prediction' },
    positiveLabel: '1',
    rows: overall.n,
    missing: attributes.map((a) => ({ attribute: a.name, rows: a.missingRows })),
    overall,
    groups,
    summaries: attributes.flatMap((a) =>
      parityExtremes(
        a.name,
        groups.filter((g) => g.attribute === a.name),
      ),
    ),
  };
}

const DEMO_ATTRIBUTES: readonly AttributeSpec[] = [
  {
    name: 'sex',
    missingRows: 20,
    groups: [
      { name: 'F', counts: { tp: 90, fp: 30, tn: 300, fn: 60 } },
      { name: 'M', counts: { tp: 150, fp: 50, tn: 250, fn: 50 } },
      { name: '(missing)', counts: { tp: 4, fp: 2, tn: 12, fn: 2 } },
    ],
  },
  {
    name: 'age_group',
    missingRows: 0,
    groups: [
      { name: '18-25', counts: { tp: 40, fp: 20, tn: 150, fn: 30 } },
      { name: '26-40', counts: { tp: 120, fp: 40, tn: 250, fn: 70 } },
      { name: '41-65', counts: { tp: 84, fp: 22, tn: 150, fn: 12 } },
      { name: '65+', counts: { tp: 0, fp: 0, tn: 12, fn: 0 } },
    ],
  },
];

/** A complete, schema-valid result around one or more bias sections and the given checks. */
function buildResult(section: BiasSection | BiasSection[], checks: readonly Check[]): AuditResult {
  return AuditResultSchema.parse({
    schemaVersion: '1.0.0',
    tool: { name: 'rai-audit', version: '0.1.0' },
    command: 'bias',
    createdAt: '2025-06-01T12:00:00.000Z',
    inputs: [
      { role: 'data', path: 'fixtures/demo/predictions.csv', sha256: 'a'.repeat(64), size: 48213 },
      { role: 'policy', path: 'fixtures/demo/policy.yaml', sha256: 'b'.repeat(64), size: 512 },
    ],
    policy: { path: 'fixtures/demo/policy.yaml', sha256: 'b'.repeat(64), failOn: 'error' },
    sections: Array.isArray(section) ? section : [section],
    checks,
    summary: summarizeChecks(checks),
    warnings: [
      { code: 'bias.small-group', message: 'Group 65+ of age_group has 12 rows; its rates are unstable.' },
    ],
  });
}

/** The demo result: two attributes, an undefined TPR, checks in every status; verdict FAIL. */
export function demoResult(): AuditResult {
  const section = buildBiasSection(DEMO_ATTRIBUTES);
  return buildResult(section, demoChecks(section));
}

/** A result whose user-supplied strings try to inject markup into every format. */
export function hostileResult(): AuditResult {
  const section = buildBiasSection([
    {
      name: IMG_INJECTION,
      missingRows: 3,
      groups: [
        { name: SCRIPT_INJECTION, counts: { tp: 10, fp: 5, tn: 30, fn: 5 } },
        { name: IMG_INJECTION, counts: { tp: 6, fp: 2, tn: 35, fn: 7 } },
        { name: 'A & B "quoted" \u2028 line\u0001', counts: { tp: 4, fp: 4, tn: 20, fn: 2 } },
      ],
    },
  ]);
  const hostile = check({
    id: 'bias.demographic-parity-ratio',
    area: 'bias',
    title: `Parity ${IMG_INJECTION}`,
    level: 'error',
    status: 'fail',
    message: `Group ${SCRIPT_INJECTION} vs ${IMG_INJECTION} | cell\nnext <!-- x`,
    actual: 0.5,
    expected: { operator: '>=', value: 0.8 },
    subject: { attribute: IMG_INJECTION, group: SCRIPT_INJECTION },
    evidence: `${SCRIPT_INJECTION} ]]> \u0000\u0008 [link](javascript:alert(1)) ![img](x)`,
    remediation: '<b>bold</b>',
  });
  return buildResult(section, [hostile]);
}

/** The full-featured result: a predictions section (intersection, weights, scores, bootstrap) and a dataset section. */
export function fullResult(): AuditResult {
  const specs = raceSexSpecs({ races: RACES, sexes: ['female', 'male'] });
  const section = buildFullSection({
    ...specs,
    weight: true,
    missingRows: { race: 9 },
    scores: { rule: { kind: 'top-percent', percent: 30, threshold: 0.62 } },
  });
  const checks = [
    ...demoChecks(section),
    ...(['selection_rate', 'tpr', 'fpr'] as const).flatMap((metric) =>
      disparityChecks(section, metric, ['race', 'sex']),
    ),
  ];
  return buildResult([section, buildDatasetSection(specs.attributes)], checks);
}

/** Scores outside [0, 1]: calibration skipped with its reason, thresholds per group. */
export function skippedCalibrationResult(): AuditResult {
  const specs = raceSexSpecs({ races: RACES, sexes: ['female', 'male'] });
  const rule = { kind: 'per-group' as const, thresholds: { 'race=White': 0.7, 'race=Black': 0.55 } };
  const section = buildFullSection({ attributes: specs.attributes, scores: { rule, skipCalibration: true } });
  return buildResult(section, []);
}

/** The full result with hostile strings in intersection values, group names and a proxy feature. */
export function hostileFullResult(): AuditResult {
  const races = [
    'White',
    SCRIPT_INJECTION,
    'Asian',
    'A & B "quoted" \u2028 line\u0001',
    'Other',
    '(missing)',
  ];
  const specs = raceSexSpecs({ races, sexes: [IMG_INJECTION, 'male'] });
  const section = buildFullSection({ ...specs, scores: { rule: { kind: 'threshold', threshold: 0.5 } } });
  return buildResult([section, buildDatasetSection(specs.attributes, IMG_INJECTION)], []);
}

/** A 200-character input path, as a CI run's absolute paths are: it must wrap, never run over size and hash. */
export const LONG_INPUT_PATH = `/home/runner/work/${'a'.repeat(60)}/${'b'.repeat(60)}/${'c'.repeat(44)}/predictions.csv`;

/** A 60-character column name, tested as a proxy feature. */
export const LONG_COLUMN_NAME = 'postal_code_of_the_applicant_home_address_as_entered_on_form';

/** The full result as a CI run sees it: an absolute 200-character input path and a 60-character proxy column. */
export function longNamesResult(): AuditResult {
  const specs = raceSexSpecs({ races: RACES, sexes: ['female', 'male'] });
  const section = buildFullSection({
    ...specs,
    weight: true,
    missingRows: { race: 9 },
    scores: { rule: { kind: 'top-percent', percent: 30, threshold: 0.62 } },
  });
  const result = buildResult(
    [section, buildDatasetSection(specs.attributes, LONG_COLUMN_NAME)],
    demoChecks(section),
  );
  return {
    ...result,
    inputs: result.inputs.map((input) =>
      input.role === 'data' ? { ...input, path: LONG_INPUT_PATH } : input,
    ),
  };
}
