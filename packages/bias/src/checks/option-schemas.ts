import { BiasSummaryBasisSchema } from '@rai-audit/core';
import { z } from 'zod';

/** Which summary a check reads: the between-groups one (default) or the one against the overall row. */
export const SummaryBasisSchema = BiasSummaryBasisSchema.describe(
  'between-groups (default): across the groups; to-overall: each group against the overall rate',
);

/** Options of a check with a lower bound on a ratio: `{ min }`, 0 < min ≤ 1, and optionally `basis`. */
export const MinRatioOptionsSchema = z
  .object({
    min: z.number().gt(0).max(1).describe('Smallest acceptable ratio, e.g. 0.8 for the four-fifths rule'),
    basis: SummaryBasisSchema.optional(),
  })
  .strict();

/** Options of a check with an upper bound on a difference of rates: `{ max }`, 0 ≤ max ≤ 1, and optionally `basis`. */
export const MaxDifferenceOptionsSchema = z
  .object({
    max: z.number().min(0).max(1).describe('Largest acceptable difference between two rates'),
    basis: SummaryBasisSchema.optional(),
  })
  .strict();

/** Options of a check with a lower bound on a count: `{ min }`, a positive integer. */
export const MinCountOptionsSchema = z
  .object({
    min: z.number().int().min(1).describe('Smallest acceptable number of rows'),
  })
  .strict();

/** Options of a disparity check: the parity band [tau, 1/tau], 0 < tau ≤ 1. */
export const ParityBandOptionsSchema = z
  .object({
    tau: z
      .number()
      .gt(0)
      .max(1)
      .describe('Parity holds when tau ≤ m(group) / m(reference) ≤ 1/tau; 0.8 is the four-fifths rule'),
  })
  .strict();
