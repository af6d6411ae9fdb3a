import { z } from 'zod';

/** Options of a check with a lower bound on a ratio: `{ min }`, 0 < min ≤ 1. */
export const MinRatioOptionsSchema = z
  .object({
    min: z.number().gt(0).max(1).describe('Smallest acceptable ratio, e.g. 0.8 for the four-fifths rule'),
  })
  .strict();

/** Options of a check with an upper bound on a difference of rates: `{ max }`, 0 ≤ max ≤ 1. */
export const MaxDifferenceOptionsSchema = z
  .object({
    max: z.number().min(0).max(1).describe('Largest acceptable difference between two rates'),
  })
  .strict();

/** Options of a check with a lower bound on a count: `{ min }`, a positive integer. */
export const MinCountOptionsSchema = z
  .object({
    min: z.number().int().min(1).describe('Smallest acceptable number of rows'),
  })
  .strict();
