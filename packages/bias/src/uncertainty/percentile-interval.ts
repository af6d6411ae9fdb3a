import type { Interval } from '@rai-audit/core';

/**
 * Moves the k-th smallest value to index k, smaller ones before it and larger ones after it (Hoare's FIND, as
 * Wirth writes it): O(n) on average. Two quantiles of a thousand draws need this, not a full sort, and V8's
 * Float64Array sort is slow enough on Node 20 that sorting dominated the whole bootstrap.
 */
function selectInPlace(values: Float64Array, k: number): void {
  // Indices stay inside the array, so the reads are numbers: `as number` costs nothing, `?? 0` would in this loop.
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[k] as number;
    let i = low;
    let j = high;
    do {
      while ((values[i] as number) < pivot) i++;
      while (pivot < (values[j] as number)) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) low = i;
    if (k < i) high = j;
  }
}

/** The type-7 (linear interpolation) quantile, as numpy and R compute it by default; reorders `values`. */
export function quantileInPlace(values: Float64Array, probability: number): number {
  const h = (values.length - 1) * probability;
  const low = Math.floor(h);
  selectInPlace(values, low);
  const a = values[low] ?? NaN;
  if (low + 1 >= values.length || h === low) return a;
  // After the selection everything past `low` is at least a: the next order statistic is their minimum.
  let b = Infinity;
  for (let i = low + 1; i < values.length; i++) if ((values[i] as number) < b) b = values[i] as number;
  return a + (h - low) * (b - a);
}

/** Moves the defined draws to the front; the reason there is no interval when more than half are undefined. */
export function keepDefined(draws: Float64Array): Float64Array | string {
  let defined = 0;
  for (let i = 0; i < draws.length; i++) {
    const value = draws[i] as number;
    if (!Number.isNaN(value)) draws[defined++] = value;
  }
  const dropped = draws.length - defined;
  if (dropped * 2 > draws.length || defined === 0) {
    return (
      `no bootstrap interval: the value is undefined in ${dropped} of ${draws.length} draws ` +
      '(a zero denominator in the resampled counts)'
    );
  }
  return draws.subarray(0, defined);
}

/**
 * The percentile interval of the defined draws (NaN = undefined), or the reason there is none. Reorders `draws`
 * in place (the defined values first): the caller's series is read once, and copying it cost more than selecting.
 */
export function percentileInterval(draws: Float64Array, level: number): Interval | string {
  const kept = keepDefined(draws);
  if (typeof kept === 'string') return kept;
  const tail = (1 - level) / 2;
  return {
    lower: quantileInPlace(kept, tail),
    upper: quantileInPlace(kept, 1 - tail),
    level,
    method: 'bootstrap',
  };
}
