import type { RandomSource } from './seeded-random.js';

/*
 * Exact binomial sampling, fast at every n. A bootstrap draw resamples every group of up to millions of rows, so
 * the sampler must cost O(1) per draw for large n, and it must be exact for small groups, where the percentile
 * interval depends on the shape of the tails. Two classical exact algorithms (Kachitvichyanukul & Schmeiser,
 * "Binomial random variate generation", CACM 31(2), 1988) cover both:
 *   - BINV, sequential inversion of the CDF, when n·min(p, 1−p) < 30: expected work about n·p + 1 steps;
 *   - BTPE, triangle/parallelogram/exponential acceptance-rejection, otherwise: a few uniforms per draw for any n.
 * A normal approximation would be faster still but is not exact: its error in the tails is O(1/√(npq)), which is
 * what a 95% percentile interval reads. BTPE's final test uses Stirling's series for log Γ, with the series terms
 * of the two numerator factorials added and those of the two denominator factorials subtracted.
 */

const INVERSION_LIMIT = 30;

/** BINV: walk the CDF from 0 with the recursion f(x) = f(x−1)·((n+1)s/x − s), s = p/q. Needs n·p < 30. */
function binomialByInversion(random: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const f0 = Math.exp(n * Math.log1p(-p));
  // Rounding can leave u above the CDF's last step; restarting past a far bound keeps the draw exact.
  const bound = Math.min(n, Math.floor(n * p + 10 * Math.sqrt(n * p * q + 1)));
  for (;;) {
    let u = random();
    let x = 0;
    let f = f0;
    while (u > f && x <= bound) {
      u -= f;
      x++;
      f *= a / x - s;
    }
    if (x <= bound) return x;
  }
}

/** The tail of Stirling's series for log Γ(x): 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹). */
function stirlingTail(x: number): number {
  const x2 = x * x;
  return (13860 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
}

interface BtpeSetup {
  n: number;
  p: number;
  q: number;
  npq: number;
  mode: number;
  p1: number;
  xm: number;
  xl: number;
  xr: number;
  c: number;
  lambdaLeft: number;
  lambdaRight: number;
  p2: number;
  p3: number;
  p4: number;
}

function btpeSetup(n: number, p: number): BtpeSetup {
  const q = 1 - p;
  const npq = n * p * q;
  const fm = n * p + p;
  const mode = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(npq) - 4.6 * q) + 0.5;
  const xm = mode + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + mode);
  const aLeft = (fm - xl) / (fm - xl * p);
  const lambdaLeft = aLeft * (1 + aLeft / 2);
  const aRight = (xr - fm) / (xr * q);
  const lambdaRight = aRight * (1 + aRight / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / lambdaLeft;
  const p4 = p3 + c / lambdaRight;
  return { n, p, q, npq, mode, p1, xm, xl, xr, c, lambdaLeft, lambdaRight, p2, p3, p4 };
}

/** f(y)/f(mode) by the recursion of successive pmf ratios: exact, used near the mode and far in the tails. */
function pmfRatioToMode(setup: BtpeSetup, y: number): number {
  const { n, p, q, mode } = setup;
  const s = p / q;
  const a = s * (n + 1);
  let ratio = 1;
  if (mode < y) for (let i = mode + 1; i <= y; i++) ratio *= a / i - s;
  else for (let i = y + 1; i <= mode; i++) ratio /= a / i - s;
  return ratio;
}

/** Accepts y when v ≤ f(y)/f(mode): squeeze bounds first, then log f(y)/f(mode) through Stirling's series. */
function accepts(setup: BtpeSetup, y: number, v: number): boolean {
  const { n, p, q, npq, mode, xm } = setup;
  const k = Math.abs(y - mode);
  if (k <= 20 || k >= npq / 2 - 1) return v <= pmfRatioToMode(setup, y);
  const rho = (k / npq) * ((k * (k / 3 + 0.625) + 1 / 6) / npq + 0.5);
  const t = (-k * k) / (2 * npq);
  const logV = Math.log(v);
  if (logV < t - rho) return true;
  if (logV > t + rho) return false;
  const x1 = y + 1;
  const f1 = mode + 1;
  const z = n + 1 - mode;
  const w = n - y + 1;
  const bound =
    xm * Math.log(f1 / x1) +
    (n - mode + 0.5) * Math.log(z / w) +
    (y - mode) * Math.log((w * p) / (x1 * q)) +
    stirlingTail(f1) +
    stirlingTail(z) -
    stirlingTail(x1) -
    stirlingTail(w);
  return logV <= bound;
}

/** BTPE for p ≤ 0.5 and n·p ≥ 30. */
function binomialByBtpe(random: RandomSource, n: number, p: number): number {
  const setup = btpeSetup(n, p);
  const { p1, p2, p3, p4, xm, xl, xr, c, mode, lambdaLeft, lambdaRight } = setup;
  for (;;) {
    const u = random() * p4;
    let v = random();
    if (u <= p1) return Math.floor(xm - p1 * v + u); // the triangle lies under the pmf: accept at once
    let y: number;
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(mode - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + Math.log(v) / lambdaLeft);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * lambdaLeft;
    } else {
      y = Math.floor(xr - Math.log(v) / lambdaRight);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lambdaRight;
    }
    if (accepts(setup, y, v)) return y;
  }
}

/** An exact Binomial(n, p) draw for integer n ≥ 0 and 0 ≤ p ≤ 1. */
export function sampleBinomial(random: RandomSource, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const small = Math.min(p, 1 - p);
  const draw =
    n * small < INVERSION_LIMIT ? binomialByInversion(random, n, small) : binomialByBtpe(random, n, small);
  return small === p ? draw : n - draw;
}
