import { describe, expect, it } from 'vitest';
import { percentileInterval, quantileInPlace } from './percentile-interval.js';
import { createSeededRandom } from './seeded-random.js';

/** The type-7 quantile by sorting, to check the selection against. */
function sortedQuantile(values: readonly number[], probability: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * probability;
  const low = Math.floor(h);
  const a = sorted[low] ?? NaN;
  return a + (h - low) * ((sorted[Math.min(low + 1, sorted.length - 1)] ?? a) - a);
}

describe('quantileInPlace', () => {
  it('equals the sorted type-7 quantile, with ties and in any order', () => {
    const random = createSeededRandom(8);
    for (let trial = 0; trial < 200; trial++) {
      const length = 1 + Math.floor(random() * 60);
      const values = Array.from({ length }, () => (trial % 2 ? Math.floor(random() * 5) : random()));
      for (const probability of [0, 0.025, 0.5, 0.975, 1]) {
        expect(quantileInPlace(Float64Array.from(values), probability)).toBeCloseTo(
          sortedQuantile(values, probability),
          14,
        );
      }
    }
  });
});

describe('percentileInterval', () => {
  it('interpolates linearly between order statistics (numpy’s default)', () => {
    const draws = Float64Array.from({ length: 101 }, (_, i) => 100 - i);
    const interval = percentileInterval(draws, 0.8);
    expect(interval).toMatchObject({ level: 0.8, method: 'bootstrap' });
    if (typeof interval === 'string') throw new Error(interval);
    expect(interval.lower).toBeCloseTo(10, 12);
    expect(interval.upper).toBeCloseTo(90, 12);
    expect(percentileInterval(Float64Array.from([NaN, 1, 2, 3, NaN]), 0.5)).toEqual({
      lower: 1.5,
      upper: 2.5,
      level: 0.5,
      method: 'bootstrap',
    });
  });

  it('gives the reason instead of an interval when more than half of the draws are undefined', () => {
    expect(percentileInterval(Float64Array.from([NaN, NaN, 1]), 0.5)).toBe(
      'no bootstrap interval: the value is undefined in 2 of 3 draws (a zero denominator in the resampled counts)',
    );
    expect(typeof percentileInterval(Float64Array.from([NaN, 2, 1, NaN]), 0.5)).toBe('object');
    expect(typeof percentileInterval(new Float64Array(), 0.5)).toBe('string');
  });
});
