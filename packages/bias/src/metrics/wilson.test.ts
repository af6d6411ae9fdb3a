import { describe, expect, it } from 'vitest';
import { normalQuantile, wilsonInterval } from './wilson.js';

describe('normalQuantile', () => {
  it('matches published standard normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408, 8);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (Wilson score).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ])('%i/%i gives [%f, %f] at 95%%', (successes, trials, lower, upper) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval?.lower).toBeCloseTo(lower, 4);
    expect(interval?.upper).toBeCloseTo(upper, 4);
    expect(interval?.method).toBe('wilson');
    expect(interval?.level).toBe(0.95);
  });

  it('is exactly 0 at no successes and exactly 1 at all successes', () => {
    expect(wilsonInterval(0, 7)?.lower).toBe(0);
    expect(wilsonInterval(7, 7)?.upper).toBe(1);
  });

  it('widens with the level and narrows with the number of trials', () => {
    const at95 = wilsonInterval(40, 100);
    const at99 = wilsonInterval(40, 100, 0.99);
    const larger = wilsonInterval(400, 1000);
    if (!at95 || !at99 || !larger) throw new Error('expected intervals');
    expect(at99.upper - at99.lower).toBeGreaterThan(at95.upper - at95.lower);
    expect(larger.upper - larger.lower).toBeLessThan(at95.upper - at95.lower);
    expect(at95.lower).toBeLessThan(0.4);
    expect(at95.upper).toBeGreaterThan(0.4);
  });

  it('is undefined without trials and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 2, 1)).toThrow(RangeError);
  });
});
