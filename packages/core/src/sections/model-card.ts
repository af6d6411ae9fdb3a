import { z } from 'zod';
import { ModelCardSourceSchema } from '../model-card/card-source.js';
import { GroupMetricsSchema, IntervalSchema } from './bias.js';

/** One metric of one slice, traceable to the audit and the bytes of the data it was computed on. */
export const EvaluationRecordSchema = z
  .object({
    metric: z.string().describe('Metric id, e.g. accuracy, selection_rate, tpr'),
    value: z.number().nullable(),
    reason: z.string().optional().describe('Why the value is undefined, when it is null'),
    interval: IntervalSchema.optional().describe('Confidence interval with its method (wilson, bootstrap)'),
    threshold: z.string().optional().describe('The decision threshold or rule the predictions came from'),
    subgroup: z
      .array(z.object({ attribute: z.string(), value: z.string() }).strict())
      .describe('Attribute/value pairs; empty for the whole evaluation set'),
    intersection: z.boolean(),
    n: z.number().int().nonnegative(),
    smallGroup: z.boolean().optional(),
    disparity: z
      .object({ ratio: z.number().nullable(), parity: z.string() })
      .strict()
      .optional()
      .describe('Against the reference group of the attribute'),
    dataset: z
      .object({
        path: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        size: z.number().int().nonnegative(),
      })
      .strict()
      .nullable()
      .describe("The data file from the audit result's inputs"),
    tool: z.object({ name: z.string(), version: z.string() }).strict(),
    source: z.string().describe('The audit result file the record was read from'),
    auditedAt: z.string().describe('createdAt of that audit result'),
  })
  .strict();
export type EvaluationRecord = z.infer<typeof EvaluationRecordSchema>;

/** The groups of one attribute of one bias audit, as the bias section carries them: what the disparity charts draw. */
export const CardChartDataSchema = z
  .object({
    source: z.string(),
    attribute: z.string(),
    tau: z.number().gt(0).lte(1),
    minGroupSize: z.number().int().nonnegative().optional(),
    groups: z.array(GroupMetricsSchema),
  })
  .strict();
export type CardChartData = z.infer<typeof CardChartDataSchema>;

export const CardDataRecordSchema = z
  .object({
    role: z.enum(['training', 'evaluation']),
    name: z.string(),
    source: z.string().optional(),
    license: z.string().optional(),
    collection: z.string().optional(),
    sha256: z.string().optional(),
    path: z.string().optional(),
    origin: z.enum(['card', 'provenance', 'audit']).describe('Where the record came from'),
  })
  .strict();
export type CardDataRecord = z.infer<typeof CardDataRecordSchema>;

export const ModelCardSectionSchema = z
  .object({
    kind: z.literal('model-card'),
    id: z.string(),
    title: z.string(),
    card: ModelCardSourceSchema.describe('The card source as validated (unknown keys kept)'),
    evaluations: z.array(EvaluationRecordSchema),
    charts: z.array(CardChartDataSchema),
    data: z.array(CardDataRecordSchema),
    outputs: z
      .array(z.string())
      .describe('Files the build wrote beside the reports (README.md, bom.cdx.json, …)'),
  })
  .strict();
export type ModelCardSection = z.infer<typeof ModelCardSectionSchema>;
