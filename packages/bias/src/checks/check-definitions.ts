import type { BiasMetricId, BiasSummaryId, CheckDefinition, PolicyChecks } from '@rai-audit/core';
import { DISPARITY_METRIC_IDS } from '../metrics/disparities.js';
import { metricLabel } from '../metrics/metric-labels.js';
import {
  MaxDifferenceOptionsSchema,
  MinCountOptionsSchema,
  MinRatioOptionsSchema,
  ParityBandOptionsSchema,
} from './option-schemas.js';

export const DEMOGRAPHIC_PARITY_RATIO = 'bias.demographic-parity-ratio';
export const DEMOGRAPHIC_PARITY_DIFFERENCE = 'bias.demographic-parity-difference';
export const MIN_GROUP_SIZE = 'bias.min-group-size';
export const EQUALIZED_ODDS_DIFFERENCE = 'bias.equalized-odds-difference';
export const EQUALIZED_ODDS_RATIO = 'bias.equalized-odds-ratio';
export const EQUAL_OPPORTUNITY_DIFFERENCE = 'bias.equal-opportunity-difference';
export const EQUAL_OPPORTUNITY_RATIO = 'bias.equal-opportunity-ratio';

/** A check on one Fairlearn-style summary: an upper bound `max` on a difference or a lower bound `min` on a ratio. */
export interface SummaryCheck {
  id: string;
  summary: BiasSummaryId;
  bound: 'max' | 'min';
}

export const SUMMARY_CHECKS: readonly SummaryCheck[] = [
  { id: DEMOGRAPHIC_PARITY_RATIO, summary: 'demographic_parity_ratio', bound: 'min' },
  { id: DEMOGRAPHIC_PARITY_DIFFERENCE, summary: 'demographic_parity_difference', bound: 'max' },
  { id: EQUALIZED_ODDS_DIFFERENCE, summary: 'equalized_odds_difference', bound: 'max' },
  { id: EQUALIZED_ODDS_RATIO, summary: 'equalized_odds_ratio', bound: 'min' },
  { id: EQUAL_OPPORTUNITY_DIFFERENCE, summary: 'equal_opportunity_difference', bound: 'max' },
  { id: EQUAL_OPPORTUNITY_RATIO, summary: 'equal_opportunity_ratio', bound: 'min' },
];

/** The check id of a metric's disparity: `bias.disparity.selection-rate`, `bias.disparity.fnr`. */
export function disparityCheckId(metric: BiasMetricId): string {
  return `bias.disparity.${metric.replaceAll('_', '-')}`;
}

const BASIS_NOTE =
  ' `basis: to-overall` compares each group with the overall rate instead (Fairlearn `method="to_overall"`).';

const summaryDefinition = (
  id: string,
  title: string,
  description: string,
  bound: 'max' | 'min',
): CheckDefinition => ({
  id,
  area: 'bias',
  title,
  description: description + BASIS_NOTE,
  defaultLevel: 'off',
  options: bound === 'max' ? MaxDifferenceOptionsSchema : MinRatioOptionsSchema,
  defaultOptions: bound === 'max' ? { max: 0.1 } : { min: 0.8 },
});

const disparityDefinition = (metric: BiasMetricId): CheckDefinition => ({
  id: disparityCheckId(metric),
  area: 'bias',
  title: `Disparity of ${metricLabel(metric)}`,
  description:
    `For every group of each attribute and intersection, its ${metricLabel(metric)} divided by the reference ` +
    'group’s must lie within [tau, 1/tau] (0.8 is the four-fifths rule). One check per group; a group or ' +
    'reference below the minimum group size is not judged (insufficient data).',
  defaultLevel: 'off',
  options: ParityBandOptionsSchema,
  defaultOptions: { tau: 0.8 },
});

/** The checks of the bias audit, with their default levels and options; the CLI adds them to its catalog. */
export const biasCheckDefinitions: CheckDefinition[] = [
  {
    id: DEMOGRAPHIC_PARITY_RATIO,
    area: 'bias',
    title: 'Demographic parity ratio',
    description:
      'For each sensitive attribute, the lowest group selection rate divided by the highest must be at least `min` ' +
      '(0.8 is the four-fifths rule of the US EEOC Uniform Guidelines).' +
      BASIS_NOTE,
    defaultLevel: 'error',
    options: MinRatioOptionsSchema,
    defaultOptions: { min: 0.8 },
  },
  {
    id: DEMOGRAPHIC_PARITY_DIFFERENCE,
    area: 'bias',
    title: 'Demographic parity difference',
    description:
      'For each sensitive attribute, the highest group selection rate minus the lowest must be at most `max`.' +
      BASIS_NOTE,
    defaultLevel: 'warn',
    options: MaxDifferenceOptionsSchema,
    defaultOptions: { max: 0.1 },
  },
  {
    id: MIN_GROUP_SIZE,
    area: 'bias',
    title: 'Minimum group size',
    description:
      'Every group of each sensitive attribute, including "(missing)", must have at least `min` rows; ' +
      'rates of smaller groups are too uncertain to judge.',
    defaultLevel: 'warn',
    options: MinCountOptionsSchema,
    defaultOptions: { min: 30 },
  },
  summaryDefinition(
    EQUALIZED_ODDS_DIFFERENCE,
    'Equalized odds difference',
    'For each sensitive attribute, the larger of the TPR difference and the FPR difference (max − min across ' +
      'groups) must be at most `max`.',
    'max',
  ),
  summaryDefinition(
    EQUALIZED_ODDS_RATIO,
    'Equalized odds ratio',
    'For each sensitive attribute, the smaller of the TPR ratio and the FPR ratio (min / max across groups) must ' +
      'be at least `min`.',
    'min',
  ),
  summaryDefinition(
    EQUAL_OPPORTUNITY_DIFFERENCE,
    'Equal opportunity difference',
    'For each sensitive attribute, the highest group TPR minus the lowest must be at most `max`.',
    'max',
  ),
  summaryDefinition(
    EQUAL_OPPORTUNITY_RATIO,
    'Equal opportunity ratio',
    'For each sensitive attribute, the lowest group TPR divided by the highest must be at least `min`.',
    'min',
  ),
  ...DISPARITY_METRIC_IDS.map(disparityDefinition),
];

/**
 * Built-in policies a policy file can extend. `recommended`: the four-fifths rule on selection rate (summary ratio
 * and per-group disparity), equalized odds difference ≤ 0.1, FNR and FPR parity at tau 0.8, all as gates; the
 * demographic parity difference and the minimum group size as warnings.
 */
export const biasPresets: Record<string, PolicyChecks> = {
  recommended: {
    [DEMOGRAPHIC_PARITY_RATIO]: ['error', { min: 0.8 }],
    [DEMOGRAPHIC_PARITY_DIFFERENCE]: ['warn', { max: 0.1 }],
    [MIN_GROUP_SIZE]: ['warn', { min: 30 }],
    [EQUALIZED_ODDS_DIFFERENCE]: ['error', { max: 0.1 }],
    [disparityCheckId('selection_rate')]: ['error', { tau: 0.8 }],
    [disparityCheckId('fnr')]: ['error', { tau: 0.8 }],
    [disparityCheckId('fpr')]: ['error', { tau: 0.8 }],
  },
};
