import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.js';

const take = (random: () => number, count: number): number[] => Array.from({ length: count }, random);

describe('createSeededRandom', () => {
  it('repeats a stream for the same seed and label, and changes it with either', () => {
    expect(take(createSeededRandom(42), 5)).toEqual(take(createSeededRandom(42), 5));
    expect(take(createSeededRandom(42), 5)).not.toEqual(take(createSeededRandom(43), 5));
    expect(take(createSeededRandom(42, 'race'), 5)).not.toEqual(take(createSeededRandom(42, 'sex'), 5));
    expect(take(createSeededRandom(-1), 3)).not.toEqual(take(createSeededRandom(2 ** 32 - 1 + 2 ** 40), 3));
  });

  it('gives numbers in [0, 1), spread evenly over ten bins', () => {
    const values = take(createSeededRandom(7), 100_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const bins = new Array<number>(10).fill(0);
    for (const v of values) bins[Math.floor(v * 10)] = (bins[Math.floor(v * 10)] ?? 0) + 1;
    // Chi-square with 9 degrees of freedom: 27.9 is its 0.1% critical value.
    const chiSquare = bins.reduce((sum, count) => sum + (count - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(27.9);
    const lag = values.slice(1).reduce((sum, v, i) => sum + (v - 0.5) * ((values[i] ?? 0) - 0.5), 0);
    expect(Math.abs(lag / values.length / (1 / 12))).toBeLessThan(0.02);
  });
});
