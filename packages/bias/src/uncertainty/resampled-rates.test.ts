import type { ConfusionCounts } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { computeRates } from '../metrics/metrics.js';
import { RATE_INDEX, RESAMPLED_METRIC_COUNT, RESAMPLED_METRIC_IDS, fillRates } from './resampled-rates.js';
import { createSeededRandom } from './seeded-random.js';

describe('fillRates', () => {
  it('computes what computeRates computes, NaN where computeRates says undefined', () => {
    const random = createSeededRandom(17);
    // Small counts so that every kind of zero denominator occurs, and weighted (fractional) counts too.
    const cell = (i: number): number => (i % 2 === 0 ? Math.floor(random() * 4) : random() * 3);
    for (let i = 0; i < 500; i++) {
      const counts: ConfusionCounts = { tp: cell(i), fp: cell(i), tn: cell(i), fn: cell(i) };
      const overall: ConfusionCounts = {
        tp: counts.tp + 5,
        fp: counts.fp + (i % 3 === 0 ? 0 : 2),
        tn: 1,
        fn: 1,
      };
      const expected = computeRates(counts, overall);
      const out = new Float64Array(RESAMPLED_METRIC_COUNT + 2);
      fillRates(out, 2, counts, overall.tp + overall.fp);
      RESAMPLED_METRIC_IDS.forEach((id, index) => {
        const value = expected[id]?.value;
        const mine = out[2 + index] ?? 0;
        if (value === null || value === undefined)
          expect(mine, `${id} of ${JSON.stringify(counts)}`).toBeNaN();
        else expect(mine, id).toBe(value);
      });
    }
  });

  it('indexes every metric by its position', () => {
    expect(RATE_INDEX.selection_rate).toBe(0);
    expect(RESAMPLED_METRIC_IDS[RATE_INDEX.tpr]).toBe('tpr');
    expect(RESAMPLED_METRIC_IDS[RATE_INDEX.ppr]).toBe('ppr');
  });
});
