import { describe, expect, it } from 'vitest';
import { thinLine } from './line-thinning.js';

describe('thinLine', () => {
  const line = Array.from({ length: 241 }, (_, i) => i);

  it('keeps at most the maximum, evenly spaced, first and last included', () => {
    const thin = thinLine(line, 100);
    expect(thin.length).toBeLessThanOrEqual(100);
    expect(thin.length).toBeGreaterThan(95);
    expect(thin[0]).toBe(0);
    expect(thin.at(-1)).toBe(240);
    const gaps = thin.slice(1).map((v, i) => v - (thin[i] ?? 0));
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it('returns a short line unchanged and never invents points', () => {
    expect(thinLine([1, 2, 3], 100)).toEqual([1, 2, 3]);
    expect(thinLine(line, 11).every((v) => line.includes(v))).toBe(true);
    expect(thinLine(line, 11)).toEqual([0, 24, 48, 72, 96, 120, 144, 168, 192, 216, 240]);
  });
});
