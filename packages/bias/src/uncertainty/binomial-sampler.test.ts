import { describe, expect, it } from 'vitest';
import { sampleBinomial } from './binomial-sampler.js';
import { createSeededRandom } from './seeded-random.js';

/** The exact Binomial(n, p) CDF on the window where the mass lies, from the pmf recursion around the mode. */
function exactCdf(n: number, p: number): { from: number; cdf: Float64Array } {
  const q = 1 - p;
  const mode = Math.floor((n + 1) * p);
  const reach = Math.ceil(40 * Math.sqrt(n * p * q) + 40);
  const from = Math.max(0, mode - reach);
  const to = Math.min(n, mode + reach);
  const weights = new Float64Array(to - from + 1);
  weights[mode - from] = 1;
  for (let k = mode + 1; k <= to; k++) {
    weights[k - from] = (weights[k - 1 - from] ?? 0) * ((n - k + 1) / k) * (p / q);
  }
  for (let k = mode - 1; k >= from; k--) {
    weights[k - from] = (weights[k + 1 - from] ?? 0) * ((k + 1) / (n - k)) * (q / p);
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  let running = 0;
  return { from, cdf: weights.map((w) => (running += w / total)) };
}

/** Largest gap between the empirical and the exact CDF (Kolmogorov–Smirnov statistic). */
function ksDistance(samples: readonly number[], exact: { from: number; cdf: Float64Array }): number {
  const counts = new Float64Array(exact.cdf.length);
  for (const x of samples) counts[x - exact.from] = (counts[x - exact.from] ?? 0) + 1;
  let running = 0;
  let worst = 0;
  exact.cdf.forEach((expected, k) => {
    running += (counts[k] ?? 0) / samples.length;
    worst = Math.max(worst, Math.abs(running - expected));
  });
  return worst;
}

const DRAWS = 20_000;
// The 0.1% critical value of the KS statistic is 1.95/√N for a continuous law and smaller for a discrete one.
const KS_LIMIT = 1.95 / Math.sqrt(DRAWS);

describe('sampleBinomial', () => {
  it.each([
    ['inversion, symmetric', 10, 0.5],
    ['inversion, rare events in a large n', 10_000_000, 1e-6],
    ['inversion, just below the switch', 299, 0.1],
    ['BTPE, just above the switch', 100, 0.4],
    ['BTPE, p above one half', 1000, 0.7],
    ['BTPE, mid-sized', 5000, 0.3],
  ])('follows the exact distribution (%s: n=%d, p=%d)', (_, n, p) => {
    const random = createSeededRandom(7, `${n}:${p}`);
    const samples = Array.from({ length: DRAWS }, () => sampleBinomial(random, n, p));
    expect(samples.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
    expect(ksDistance(samples, exactCdf(n, p))).toBeLessThan(KS_LIMIT);
    const mean = samples.reduce((sum, x) => sum + x, 0) / DRAWS;
    const variance = samples.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (DRAWS - 1);
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(DRAWS));
    expect(variance / (sd * sd)).toBeGreaterThan(0.94);
    expect(variance / (sd * sd)).toBeLessThan(1.06);
  });

  it('matches the exact tails of a large BTPE case: mean, variance and the 2.5% / 97.5% points', () => {
    const n = 2_000_000;
    const p = 0.37;
    const random = createSeededRandom(11);
    const samples = Array.from({ length: DRAWS }, () => sampleBinomial(random, n, p)).sort((a, b) => a - b);
    const sd = Math.sqrt(n * p * (1 - p));
    const mean = samples.reduce((sum, x) => sum + x, 0) / DRAWS;
    expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(DRAWS));
    // At npq ≈ 466 000 the law is normal to within 1e-3 in its quantiles: ±1.96 sd, within sampling noise.
    const low = (samples[Math.floor(0.025 * DRAWS)] ?? 0) - n * p;
    const high = (samples[Math.floor(0.975 * DRAWS)] ?? 0) - n * p;
    expect(low / sd).toBeCloseTo(-1.96, 0);
    expect(high / sd).toBeCloseTo(1.96, 0);
  });

  it('handles the degenerate cases without drawing', () => {
    const random = createSeededRandom(1);
    expect(sampleBinomial(random, 0, 0.5)).toBe(0);
    expect(sampleBinomial(random, 50, 0)).toBe(0);
    expect(sampleBinomial(random, 50, 1)).toBe(50);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const run = (seed: number): number[] => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 50 }, () => sampleBinomial(random, 1000, 0.3));
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });
});
