import { describe, expect, it } from 'vitest';
import { haarForward2d, haarInverse2d, haarLowLowExact, haarLowLowPywtOrder } from './haar.js';

describe('Haar DWT', () => {
  it('computes the four sub-bands of a 2×2 block as pywt.dwt2 does', () => {
    // a b / c d = 1 2 / 3 4: LL = 10/2, cH = (1+2-3-4)/2, cV = (1-2+3-4)/2, cD = (1-2-3+4)/2
    const bands = haarForward2d([1, 2, 3, 4], 2, 2);
    expect(Array.from(bands.lowLow)).toEqual([5]);
    expect(Array.from(bands.horizontal)).toEqual([-2]);
    expect(Array.from(bands.vertical)).toEqual([-1]);
    expect(Array.from(bands.diagonal)).toEqual([0]);
  });

  it('lays sub-bands out block by block in raster order', () => {
    const plane = [0, 0, 8, 8, 0, 0, 8, 8, 2, 4, 6, 6, 2, 4, 6, 6];
    const bands = haarForward2d(plane, 4, 4);
    expect(Array.from(bands.lowLow)).toEqual([0, 16, 6, 12]);
    expect(Array.from(bands.vertical)).toEqual([0, 0, -2, 0]);
  });

  it('inverts exactly: inverse(forward(x)) = x', () => {
    const width = 8;
    const height = 6;
    const plane = Float64Array.from({ length: width * height }, (_, i) => ((i * 37) % 256) - 0.5 * (i % 3));
    expect(Array.from(haarInverse2d(haarForward2d(plane, width, height)))).toEqual(Array.from(plane));
  });

  it('refuses planes with an odd side', () => {
    expect(() => haarForward2d([1, 2, 3], 3, 1)).toThrow(/even sides/);
  });

  it('pywt operation order rounds a tie at 18 up, where the exact sum stays at 18', () => {
    // Why the fixture vectors have two variants (spec section 4): the vote is (|LL| mod 36) > 18.
    expect(haarLowLowExact(9, 9, 9, 9)).toBe(18);
    expect(haarLowLowPywtOrder(9, 9, 9, 9)).toBe(18.000000000000004);
    expect(haarLowLowPywtOrder(10, 10, 8, 8)).toBe(18);
  });
});
