import {
  BiasMetricIdSchema,
  type BiasMetricId,
  type Disparity,
  type Estimate,
  type GroupMetrics,
  type ParityVerdict,
  type ReferenceGroup,
} from '@rai-audit/core';
import { metricLabel } from './metric-labels.js';

/**
 * The per-group metrics compared with the reference group (docs/metrics.md, "Disparities"), in report order:
 * every metric but a group's share of the rows and its calibration error.
 */
export const DISPARITY_METRIC_IDS: readonly BiasMetricId[] = BiasMetricIdSchema.exclude([
  'share',
  'calibration_error',
]).options;

export interface DisparitySettings {
  /** Parity band [tau, 1/tau] for ratios; 0.8 is the four-fifths rule. */
  tau: number;
  /** Groups (and references) with fewer rows get the verdict insufficient-data. */
  minGroupSize: number;
}

// Ratios are quotients of floating-point rates: 0.4 / 0.5 must count as 0.8, not fall below it by one ulp.
const BAND_TOLERANCE = 1e-12;

/** True when tau ≤ ratio ≤ 1/tau, allowing for floating-point noise at the edges. */
export function withinParityBand(ratio: number, tau: number): boolean {
  return ratio >= tau * (1 - BAND_TOLERANCE) && ratio <= (1 / tau) * (1 + BAND_TOLERANCE);
}

const describeGroup = (g: GroupMetrics): string => `${g.attribute}=${g.group}`;

function undefinedSide(metric: BiasMetricId, group: GroupMetrics, role: string): string | undefined {
  const value = group.metrics[metric];
  if (typeof value?.value === 'number') return undefined;
  const why = value?.reason ?? 'not computed';
  return `${metricLabel(metric)} of ${role}${describeGroup(group)} is undefined (${why})`;
}

function ratioAndDifference(metric: BiasMetricId, group: GroupMetrics, reference: GroupMetrics) {
  const reason = undefinedSide(metric, group, '') ?? undefinedSide(metric, reference, 'the reference ');
  const value = group.metrics[metric]?.value;
  const base = reference.metrics[metric]?.value;
  if (reason !== undefined || typeof value !== 'number' || typeof base !== 'number') {
    const because = reason ?? 'not computed';
    return { ratio: { value: null, reason: because }, difference: { value: null, reason: because } };
  }
  const difference: Estimate = { value: value - base };
  const ratio: Estimate =
    base === 0
      ? {
          value: null,
          reason: `the reference ${describeGroup(reference)} has ${metricLabel(metric)} 0, so the ratio is undefined`,
        }
      : { value: value / base };
  return { ratio, difference };
}

function verdict(
  ratio: number | null,
  group: GroupMetrics,
  reference: GroupMetrics,
  settings: DisparitySettings,
): ParityVerdict {
  if (group === reference) return 'reference';
  if (group.n < settings.minGroupSize || reference.n < settings.minGroupSize) return 'insufficient-data';
  if (ratio === null) return 'undefined';
  return withinParityBand(ratio, settings.tau) ? 'pass' : 'fail';
}

/** One group's metric against the reference: ratio m(g)/m(ref), difference m(g) − m(ref), and the verdict. */
export function computeDisparity(
  metric: BiasMetricId,
  group: GroupMetrics,
  reference: GroupMetrics,
  settings: DisparitySettings,
): Disparity {
  const { ratio, difference } = ratioAndDifference(metric, group, reference);
  return { ratio, difference, parity: verdict(ratio.value, group, reference, settings) };
}

function disparitiesOf(
  group: GroupMetrics,
  reference: GroupMetrics,
  settings: DisparitySettings,
): Partial<Record<BiasMetricId, Disparity>> {
  const disparities: Partial<Record<BiasMetricId, Disparity>> = {};
  for (const metric of DISPARITY_METRIC_IDS) {
    if (group.metrics[metric] === undefined && reference.metrics[metric] === undefined) continue;
    disparities[metric] = computeDisparity(metric, group, reference, settings);
  }
  return disparities;
}

/**
 * Copies of the groups with `smallGroup` (n < minGroupSize), `reference` and, for every attribute that has a
 * reference group, the disparity of each metric present (ratio, difference, parity verdict). Groups of attributes
 * without a reference keep no disparities.
 */
export function computeDisparities(
  groups: readonly GroupMetrics[],
  references: readonly ReferenceGroup[],
  settings: DisparitySettings,
): GroupMetrics[] {
  return groups.map((group) => {
    const chosen = references.find((r) => r.attribute === group.attribute);
    const reference = chosen
      ? groups.find((g) => g.attribute === chosen.attribute && g.group === chosen.group)
      : undefined;
    const flagged: GroupMetrics = {
      ...group,
      smallGroup: group.n < settings.minGroupSize,
      reference: reference === group,
    };
    if (!reference) return flagged;
    return { ...flagged, disparities: disparitiesOf(group, reference, settings) };
  });
}
