import {
  ScoreMetricIdSchema,
  type BiasMetricId,
  type BiasSection,
  type Disparity,
  type Expected,
  type GroupMetrics,
} from '@rai-audit/core';
import { formatEstimate, formatFigure, intervalAgainstBand } from './check-evidence.js';
import { numberOption, type Evaluator, type Finding } from './check-finding.js';
import { withinParityBand } from '../metrics/disparities.js';
import { metricLabel } from '../metrics/metric-labels.js';

/** The minimum group size of a section that does not record one (the CLI default). */
export const DEFAULT_MIN_GROUP_SIZE = 30;

const SCORE_METRICS: readonly BiasMetricId[] = ScoreMetricIdSchema.options;

type Advice = (group: string, reference: string) => string;

const MISSED: Advice = (g, ref) =>
  `The model misses more actual positives in ${g} than in ${ref}: check label quality and how well the features ` +
  'describe this group, add training data for it or use a group-aware threshold, and audit again.';
const FLAGGED: Advice = (g, ref) =>
  `The model wrongly flags more actual negatives in ${g} than in ${ref}: look for features that stand in for the ` +
  'attribute and for label noise in this group, consider a group-aware threshold, and audit again.';
const POSITIVES_WRONG: Advice = (g, ref) =>
  `Positive predictions for ${g} are right at a different rate than for ${ref}: compare the calibration of the ` +
  'score per group (calibration chart when a score is given) and the threshold, and audit again.';
const NEGATIVES_WRONG: Advice = (g, ref) =>
  `Negative predictions for ${g} hide actual positives at a different rate than for ${ref}: check the threshold and ` +
  'the features that separate the classes in this group, and audit again.';
const ERRORS: Advice = (g, ref) =>
  `Errors are more or less frequent in ${g} than in ${ref}: read its FNR and FPR to see which kind, then address ` +
  'that error as the FNR/FPR checks suggest.';
const SCORES: Advice = (g, ref) =>
  `The score behaves differently for ${g} than for ${ref}: check the features and data coverage of this group, ` +
  'recalibrate per group if the calibration chart shows a gap, and audit again.';

const ADVICE: Partial<Record<BiasMetricId, Advice>> = {
  selection_rate: (g, ref) =>
    `${g} is selected at a different rate than ${ref}: compare their base rates (prevalence); a gap the labels do ` +
    'not explain points at the model or at features that stand in for the attribute. Reweigh, retrain or adjust ' +
    'thresholds, and audit again.',
  ppr: (g, ref) =>
    `${g} receives a different share of the positive predictions than ${ref}: compare it with the group's share ` +
    'of rows and base rate before deciding whether the allocation is fair.',
  prevalence: (g, ref) =>
    `The label base rate of ${g} differs from ${ref}: the data carries this gap, not the model. Check how labels ` +
    'were collected for this group and whether the sample represents it.',
  tpr: MISSED,
  fnr: MISSED,
  fpr: FLAGGED,
  tnr: FLAGGED,
  precision: POSITIVES_WRONG,
  fdr: POSITIVES_WRONG,
  npv: NEGATIVES_WRONG,
  for: NEGATIVES_WRONG,
  accuracy: ERRORS,
  f1: ERRORS,
};

const name = (g: GroupMetrics): string => `${g.attribute}=${g.group}`;

function valueText(group: GroupMetrics, metric: BiasMetricId): string {
  const value = group.metrics[metric];
  return typeof value?.value === 'number' ? formatEstimate(value.value, value.interval) : 'undefined';
}

function evidence(metric: BiasMetricId, group: GroupMetrics, ref: GroupMetrics, d: Disparity, tau: number) {
  const base =
    `${metricLabel(metric)} ${valueText(group, metric)} for ${name(group)} (n=${group.n}) vs ` +
    `${valueText(ref, metric)} for reference ${name(ref)} (n=${ref.n})`;
  const ratio = d.ratio.value === null ? 'undefined' : formatFigure(d.ratio.value);
  const diff = d.difference.value === null ? 'undefined' : formatFigure(d.difference.value);
  const interval = d.ratio.interval
    ? `; ratio ${intervalAgainstBand(d.ratio.interval, tau)}`
    : d.ratio.value !== null && d.ratio.reason
      ? `; ${d.ratio.reason}`
      : '';
  return `${base}; ratio ${ratio}, difference ${diff}${interval}`;
}

function insufficient(group: GroupMetrics, ref: GroupMetrics, minSize: number): string | undefined {
  if (group.smallGroup ?? group.n < minSize) return `insufficient data (n=${group.n} < ${minSize})`;
  if (ref.smallGroup ?? ref.n < minSize)
    return `insufficient data (reference ${name(ref)} has n=${ref.n} < ${minSize})`;
  return undefined;
}

function groupFinding(
  section: BiasSection,
  metric: BiasMetricId,
  group: GroupMetrics,
  ref: GroupMetrics,
  tau: number,
): Finding {
  const label = metricLabel(metric);
  const d: Disparity = group.disparities?.[metric] ?? {
    ratio: { value: null, reason: 'not computed' },
    difference: { value: null, reason: 'not computed' },
    parity: 'undefined',
  };
  const band = `[${formatFigure(tau)}, ${formatFigure(1 / tau)}]`;
  const common = {
    expected: { operator: 'between', value: [tau, 1 / tau] } satisfies Expected,
    actual: d.ratio.value,
    subject: { attribute: group.attribute, group: group.group, metric },
    evidence: evidence(metric, group, ref, d, tau),
    remediation: (ADVICE[metric] ?? SCORES)(name(group), name(ref)),
  };
  const small = insufficient(group, ref, section.settings?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);
  if (small) return { ...common, passed: 'not-applicable', message: `${name(group)}: ${small}` };
  if (d.ratio.value === null) {
    // The group's own rate undefined: nothing to judge. A defined rate against an unusable reference: an error.
    const own = group.metrics[metric]?.value === null || group.metrics[metric] === undefined;
    const message = `${name(group)}: ${label} ratio is undefined (${d.ratio.reason ?? 'not computed'})`;
    return { ...common, passed: own ? 'not-applicable' : undefined, message };
  }
  const passed = withinParityBand(d.ratio.value, tau);
  const message =
    `${name(group)}: ${label} ratio ${formatFigure(d.ratio.value)} to ${name(ref)} is ` +
    `${passed ? 'within' : 'outside'} ${band}`;
  return { ...common, passed, message };
}

function attributeFinding(
  attribute: string,
  metric: BiasMetricId,
  tau: number,
  message: string,
  why: string,
): Finding {
  return {
    passed: 'not-applicable',
    expected: { operator: 'between', value: [tau, 1 / tau] },
    actual: null,
    subject: { attribute, metric },
    message: `${attribute}: ${message}`,
    evidence: why,
    remediation: 'Nothing to do for this check unless the audit should have covered it.',
  };
}

/** The evaluator of `bias.disparity.<metric>`: one finding per non-reference group of the attribute. */
export function disparityEvaluator(metric: BiasMetricId): Evaluator {
  return (section, attribute, options) => {
    const tau = numberOption(options, 'tau', 0.8);
    const groups = section.groups.filter((g) => g.attribute === attribute);
    if (!groups.some((g) => g.metrics[metric] !== undefined)) {
      const why = SCORE_METRICS.includes(metric)
        ? 'no score column was given'
        : section.mode === 'dataset'
          ? 'a dataset audit has no predictions'
          : 'the groups do not carry it';
      return [attributeFinding(attribute, metric, tau, `no ${metricLabel(metric)} in this audit`, why)];
    }
    const reference = groups.find((g) => g.reference);
    if (!reference) {
      const why = `no reference group was chosen for ${attribute} (its only groups may be "(missing)")`;
      return [attributeFinding(attribute, metric, tau, 'no reference group, so no disparities', why)];
    }
    return groups.filter((g) => g !== reference).map((g) => groupFinding(section, metric, g, reference, tau));
  };
}
