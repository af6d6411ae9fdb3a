import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, logGamma, regularizedUpperGamma } from './dataset-chi-square.js';

describe('logGamma', () => {
  it('matches ln((n−1)!) and ln Γ(½) = ln √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });
});

describe('chiSquareSurvival', () => {
  // Critical values and tail probabilities of the chi-square distribution (statistical tables).
  const known: Array<[statistic: number, df: number, p: number]> = [
    [3.841458820694124, 1, 0.05],
    [4, 1, 0.04550026389635857],
    [6.634896601021214, 1, 0.01],
    [18.307038053275146, 10, 0.05],
    [124.34211340400407, 100, 0.05],
    [0.35184631774927144, 3, 0.95],
    [2.5, 7, 0.9270970650134738],
    [1000, 900, 0.010994608942135844],
  ];

  it.each(known)('P(χ² ≥ %d | df %d) = %d', (statistic, df, p) => {
    expect(chiSquareSurvival(statistic, df)).toBeCloseTo(p, 10);
  });

  it('is exp(−x/2) for two degrees of freedom', () => {
    for (const x of [0.001, 0.5, 3, 17]) expect(chiSquareSurvival(x, 2)).toBeCloseTo(Math.exp(-x / 2), 13);
  });

  it('keeps tiny tail probabilities positive and relative-accurate', () => {
    const p = chiSquareSurvival(100, 1);
    expect(p / 1.5239706048320995e-23).toBeCloseTo(1, 8);
  });

  it('is 1 at a statistic of 0 and rejects a non-positive df', () => {
    expect(chiSquareSurvival(0, 4)).toBe(1);
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
  });
});

describe('regularizedUpperGamma', () => {
  it('matches known values on both sides of x = a + 1', () => {
    expect(regularizedUpperGamma(0.5, 0.1)).toBeCloseTo(0.6547208460185768, 12);
    expect(regularizedUpperGamma(20, 5)).toBeCloseTo(0.999999654786418, 12);
    expect(regularizedUpperGamma(1, 3)).toBeCloseTo(Math.exp(-3), 13);
  });
});
