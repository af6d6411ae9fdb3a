import { z } from 'zod';

/** Short, documented metric ids (docs/metrics.md). */
export const BiasMetricIdSchema = z.enum([
  'selection_rate',
  'prevalence',
  'accuracy',
  'tpr',
  'fpr',
  'tnr',
  'fnr',
  'precision',
  'npv',
  'fdr',
  'for',
  'f1',
  'ppr',
  'share',
  'auc',
  'mean_score',
  'brier',
  'calibration_error',
]);
export type BiasMetricId = z.infer<typeof BiasMetricIdSchema>;

/** The per-group metrics computed from a group's score histogram; every other metric needs only its confusion counts. */
export const ScoreMetricIdSchema = BiasMetricIdSchema.extract([
  'auc',
  'mean_score',
  'brier',
  'calibration_error',
]);
export type ScoreMetricId = z.infer<typeof ScoreMetricIdSchema>;

/** The per-group metrics computed from confusion counts alone, in the order of BiasMetricIdSchema. */
export const ConfusionMetricIdSchema = BiasMetricIdSchema.exclude(ScoreMetricIdSchema.options);
export type ConfusionMetricId = z.infer<typeof ConfusionMetricIdSchema>;

export const IntervalSchema = z
  .object({
    lower: z.number(),
    upper: z.number(),
    level: z.number().gt(0).lt(1),
    method: z.enum(['wilson', 'bootstrap']),
  })
  .strict();
export type Interval = z.infer<typeof IntervalSchema>;

/** A rate: a number, or null with the reason it is undefined (a zero denominator is never reported as 0). */
export const MetricValueSchema = z
  .object({
    value: z.number().nullable(),
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    reason: z.string().optional().describe('Why the value is undefined, when it is null'),
    interval: IntervalSchema.optional(),
  })
  .strict();
export type MetricValue = z.infer<typeof MetricValueSchema>;

export const ConfusionCountsSchema = z
  .object({
    tp: z.number().nonnegative(),
    fp: z.number().nonnegative(),
    tn: z.number().nonnegative(),
    fn: z.number().nonnegative(),
  })
  .strict();
export type ConfusionCounts = z.infer<typeof ConfusionCountsSchema>;

/** A value with the reason it is undefined, and optionally a (bootstrap) interval. */
export const EstimateSchema = z
  .object({
    value: z.number().nullable(),
    reason: z.string().optional(),
    interval: IntervalSchema.optional(),
  })
  .strict();
export type Estimate = z.infer<typeof EstimateSchema>;

export const ParityVerdictSchema = z
  .enum(['pass', 'fail', 'insufficient-data', 'undefined', 'reference'])
  .describe(
    'tau <= ratio <= 1/tau; insufficient-data below the minimum group size; reference for the reference group',
  );
export type ParityVerdict = z.infer<typeof ParityVerdictSchema>;

/** A group's metric against the reference group of its attribute: ratio m(g)/m(ref) and difference m(g) - m(ref). */
export const DisparitySchema = z
  .object({
    ratio: EstimateSchema,
    difference: EstimateSchema,
    parity: ParityVerdictSchema,
  })
  .strict();
export type Disparity = z.infer<typeof DisparitySchema>;

export const LabelCountsSchema = z
  .object({ positive: z.number().nonnegative(), negative: z.number().nonnegative() })
  .strict();
export type LabelCounts = z.infer<typeof LabelCountsSchema>;

export const GroupMetricsSchema = z
  .object({
    attribute: z.string().describe('Sensitive attribute, "a+b" for an intersection, or "(overall)"'),
    group: z
      .string()
      .describe('Group value ("x|y" for an intersection); "(missing)" for rows without a value'),
    values: z
      .record(z.string(), z.string())
      .optional()
      .describe('For an intersection: the value of each attribute'),
    n: z.number().int().nonnegative().describe('Rows'),
    weight: z.number().nonnegative().optional().describe('Sum of weights, when a weight column is given'),
    counts: ConfusionCountsSchema.optional().describe(
      'Confusion counts (weighted sums with a weight column)',
    ),
    labelCounts: LabelCountsSchema.optional().describe('Label positives and negatives (dataset audits)'),
    metrics: z.partialRecord(BiasMetricIdSchema, MetricValueSchema),
    smallGroup: z
      .boolean()
      .optional()
      .describe('n below the minimum group size: verdicts are insufficient-data'),
    reference: z.boolean().optional().describe('The reference group of its attribute'),
    disparities: z.partialRecord(BiasMetricIdSchema, DisparitySchema).optional(),
  })
  .strict();
export type GroupMetrics = z.infer<typeof GroupMetricsSchema>;

export const BiasSummaryIdSchema = z.enum([
  'demographic_parity_difference',
  'demographic_parity_ratio',
  'equalized_odds_difference',
  'equalized_odds_ratio',
  'equal_opportunity_difference',
  'equal_opportunity_ratio',
]);
export type BiasSummaryId = z.infer<typeof BiasSummaryIdSchema>;

/** How a summary compares the groups: with each other (max/min) or each with the overall rate. */
export const BiasSummaryBasisSchema = z.enum(['between-groups', 'to-overall']);
export type BiasSummaryBasis = z.infer<typeof BiasSummaryBasisSchema>;

export const BiasSummarySchema = z
  .object({
    attribute: z.string(),
    summary: BiasSummaryIdSchema,
    metric: BiasMetricIdSchema.describe('The per-group metric the summary is taken over'),
    basis: BiasSummaryBasisSchema.optional().describe(
      'between-groups (default): max - min and min / max across groups; to-overall: against the overall rate',
    ),
    value: z.number().nullable(),
    reason: z.string().optional(),
    interval: IntervalSchema.optional(),
    highest: z.object({ group: z.string(), value: z.number() }).strict().optional(),
    lowest: z.object({ group: z.string(), value: z.number() }).strict().optional(),
    groups: z
      .object({
        compared: z.number().int().nonnegative().describe('Groups the summary is taken over'),
        total: z.number().int().nonnegative().describe('Groups of the attribute'),
        leftOut: z
          .array(z.object({ group: z.string(), n: z.number() }).strict())
          .describe('Groups under the minimum group size, left out of the summary'),
      })
      .strict()
      .optional()
      .describe(
        'Present when groups were left out of the summary (--summary-groups sufficient, the default)',
      ),
  })
  .strict();
export type BiasSummary = z.infer<typeof BiasSummarySchema>;

export const ReferenceGroupSchema = z
  .object({
    attribute: z.string(),
    group: z.string(),
    method: z.enum(['explicit', 'largest', 'min-metric']),
    metric: BiasMetricIdSchema.optional().describe(
      'For min-metric: the metric whose minimum chose the group',
    ),
  })
  .strict();
export type ReferenceGroup = z.infer<typeof ReferenceGroupSchema>;

export const BiasSettingsSchema = z
  .object({
    tau: z.number().gt(0).lte(1).describe('Parity band [tau, 1/tau] for ratios'),
    minGroupSize: z.number().int().nonnegative(),
    summaryGroups: z
      .enum(['sufficient', 'all'])
      .optional()
      .describe(
        'Groups the summaries are taken over: sufficient (default) leaves out groups under minGroupSize; all is Fairlearn',
      ),
    missing: z
      .enum(['group', 'drop', 'error'])
      .describe('What was done with rows missing an attribute value'),
    bootstrap: z
      .object({
        draws: z.number().int().nonnegative(),
        seed: z.number().int(),
        level: z.number().gt(0).lt(1),
      })
      .strict()
      .optional(),
  })
  .strict();
export type BiasSettings = z.infer<typeof BiasSettingsSchema>;

export const ThresholdRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('threshold'), threshold: z.number() }).strict(),
  z.object({ kind: z.literal('top-k'), k: z.number().int().positive(), threshold: z.number() }).strict(),
  z
    .object({ kind: z.literal('top-percent'), percent: z.number().gt(0).lte(100), threshold: z.number() })
    .strict(),
  z.object({ kind: z.literal('per-group'), thresholds: z.record(z.string(), z.number()) }).strict(),
]);
export type ThresholdRule = z.infer<typeof ThresholdRuleSchema>;

const GroupRefShape = { attribute: z.string(), group: z.string() };

export const ScoreAnalysisSchema = z
  .object({
    column: z.string(),
    range: z.object({ min: z.number(), max: z.number() }).strict(),
    rule: ThresholdRuleSchema.optional().describe(
      'How predictions were derived from the score, when they were',
    ),
    sweep: z.array(
      z
        .object({
          ...GroupRefShape,
          threshold: z.number(),
          selection_rate: z.number().nullable(),
          tpr: z.number().nullable(),
          fpr: z.number().nullable(),
        })
        .strict(),
    ),
    roc: z.array(
      z
        .object({
          ...GroupRefShape,
          auc: z.number().nullable(),
          reason: z.string().optional(),
          points: z.array(z.object({ fpr: z.number(), tpr: z.number(), threshold: z.number() }).strict()),
        })
        .strict(),
    ),
    calibration: z
      .object({
        skipped: z
          .string()
          .optional()
          .describe('Why there is no calibration analysis (e.g. scores outside [0,1])'),
        bins: z.array(
          z
            .object({
              ...GroupRefShape,
              lower: z.number(),
              upper: z.number(),
              n: z.number().nonnegative(),
              meanScore: z.number(),
              observedRate: z.number(),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();
export type ScoreAnalysis = z.infer<typeof ScoreAnalysisSchema>;

export const DatasetAnalysisSchema = z
  .object({
    representation: z.array(
      z
        .object({
          ...GroupRefShape,
          n: z.number().int().nonnegative(),
          share: z.number(),
          expectedShare: z.number().optional(),
        })
        .strict(),
    ),
    goodnessOfFit: z.array(
      z
        .object({
          attribute: z.string(),
          test: z.literal('chi-square'),
          statistic: z.number().nullable(),
          df: z.number().int().nonnegative(),
          pValue: z.number().nullable(),
          reason: z.string().optional(),
        })
        .strict(),
    ),
    missingValues: z.array(
      z
        .object({
          ...GroupRefShape,
          column: z.string(),
          missing: z.number().int().nonnegative(),
          rate: z.number(),
        })
        .strict(),
    ),
    proxies: z.array(
      z
        .object({
          feature: z.string(),
          attribute: z.string(),
          measure: z.enum(['cramers_v', 'correlation_ratio']),
          value: z.number().nullable(),
          reason: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type DatasetAnalysis = z.infer<typeof DatasetAnalysisSchema>;

export const BiasSectionSchema = z
  .object({
    kind: z.literal('bias'),
    id: z.string(),
    title: z.string(),
    mode: z.enum(['predictions', 'dataset']),
    columns: z
      .object({
        attributes: z.array(z.string()).min(1),
        intersections: z.array(z.array(z.string()).min(2)).optional(),
        label: z.string(),
        prediction: z.string().optional().describe('Absent in a dataset audit'),
        score: z.string().optional(),
        weight: z.string().optional(),
      })
      .strict(),
    positiveLabel: z.string().describe('The label and prediction value counted as positive'),
    rows: z.number().int().nonnegative(),
    missing: z
      .array(z.object({ attribute: z.string(), rows: z.number().int().nonnegative() }).strict())
      .describe('Rows without a value of each attribute; they form the "(missing)" group unless dropped'),
    settings: BiasSettingsSchema.optional(),
    references: z.array(ReferenceGroupSchema).optional(),
    overall: GroupMetricsSchema,
    groups: z.array(GroupMetricsSchema),
    summaries: z.array(BiasSummarySchema),
    scores: ScoreAnalysisSchema.optional(),
    dataset: DatasetAnalysisSchema.optional(),
  })
  .strict();
export type BiasSection = z.infer<typeof BiasSectionSchema>;
