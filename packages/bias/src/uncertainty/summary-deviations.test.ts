import { describe, expect, it } from 'vitest';
import { deviationInterval } from './summary-deviations.js';

describe('deviationInterval', () => {
  it('puts [v − c, v + c] around a difference and [v·e^−c, v·e^c] around a ratio, clipped to [0, 1]', () => {
    const draws = (): Float64Array => Float64Array.from({ length: 101 }, (_, i) => i / 1000);
    const difference = deviationInterval(draws(), 0.2, 'difference', 0.9);
    if (typeof difference === 'string') throw new Error(difference);
    expect(difference).toMatchObject({ level: 0.9, method: 'bootstrap' });
    expect(difference.lower).toBeCloseTo(0.2 - 0.09, 12);
    expect(difference.upper).toBeCloseTo(0.2 + 0.09, 12);
    expect(deviationInterval(draws(), 0.03, 'difference', 0.9)).toMatchObject({ lower: 0 });
    const ratio = deviationInterval(draws(), 0.5, 'ratio', 0.9);
    if (typeof ratio === 'string') throw new Error(ratio);
    expect(ratio.lower).toBeCloseTo(0.5 * Math.exp(-0.09), 12);
    expect(ratio.upper).toBeCloseTo(0.5 * Math.exp(0.09), 12);
  });

  it('spans [0, 1] when most draws lose a rate to 0 (an infinite log deviation), never NaN', () => {
    const draws = Float64Array.from([0.1, Infinity, Infinity, Infinity]);
    expect(deviationInterval(draws, 0.4, 'ratio', 0.95)).toMatchObject({ lower: 0, upper: 1 });
  });

  it('gives the reason for a ratio of 0 and for mostly undefined draws', () => {
    expect(deviationInterval(Float64Array.from([0.1, 0.2]), 0, 'ratio', 0.95)).toMatch(/ratio of 0/);
    expect(deviationInterval(Float64Array.from([NaN, NaN, 1]), 0.2, 'difference', 0.95)).toMatch(
      /undefined in 2 of 3 draws/,
    );
  });
});
