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
]);
export type BiasMetricId = z.infer<typeof BiasMetricIdSchema>;

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

export const GroupMetricsSchema = z
  .object({
    attribute: z.string().describe('Sensitive attribute, or "(overall)"'),
    group: z.string().describe('Group value; "(missing)" for rows without a value'),
    n: z.number().int().nonnegative(),
    counts: ConfusionCountsSchema,
    metrics: z.partialRecord(BiasMetricIdSchema, MetricValueSchema),
  })
  .strict();
export type GroupMetrics = z.infer<typeof GroupMetricsSchema>;

export const BiasSummaryIdSchema = z.enum(['demographic_parity_difference', 'demographic_parity_ratio']);
export type BiasSummaryId = z.infer<typeof BiasSummaryIdSchema>;

export const BiasSummarySchema = z
  .object({
    attribute: z.string(),
    summary: BiasSummaryIdSchema,
    metric: BiasMetricIdSchema.describe('The per-group metric the summary is taken over'),
    value: z.number().nullable(),
    reason: z.string().optional(),
    highest: z.object({ group: z.string(), value: z.number() }).strict().optional(),
    lowest: z.object({ group: z.string(), value: z.number() }).strict().optional(),
  })
  .strict();
export type BiasSummary = z.infer<typeof BiasSummarySchema>;

export const BiasSectionSchema = z
  .object({
    kind: z.literal('bias'),
    id: z.string(),
    title: z.string(),
    mode: z.enum(['predictions']),
    columns: z
      .object({
        attributes: z.array(z.string()).min(1),
        label: z.string(),
        prediction: z.string(),
      })
      .strict(),
    positiveLabel: z.string().describe('The label and prediction value counted as positive'),
    rows: z.number().int().nonnegative(),
    missing: z
      .array(z.object({ attribute: z.string(), rows: z.number().int().nonnegative() }).strict())
      .describe('Rows without a value of each attribute; they form the "(missing)" group'),
    overall: GroupMetricsSchema,
    groups: z.array(GroupMetricsSchema),
    summaries: z.array(BiasSummarySchema),
  })
  .strict();
export type BiasSection = z.infer<typeof BiasSectionSchema>;
