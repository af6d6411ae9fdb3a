import { describe, expect, it } from 'vitest';
import { hexToBits } from './payloads.js';
import { bestPossiblePValue, hypergeometricUpperTail, scoreBitAgreement } from './significance.js';

describe('false-positive probability of a bit agreement', () => {
  it('hypergeometric tail on hand-checked cases', () => {
    // 4 positions, 2 payload ones, 2 decoded ones: both on the payload ones in 1 of C(4,2) = 6 placements.
    expect(hypergeometricUpperTail(4, 2, 2, 2)).toBeCloseTo(1 / 6, 12);
    expect(hypergeometricUpperTail(4, 2, 2, 1)).toBeCloseTo(5 / 6, 12);
    expect(hypergeometricUpperTail(4, 2, 2, 0)).toBeCloseTo(1, 12);
    expect(hypergeometricUpperTail(4, 2, 2, 3)).toBe(0);
  });

  it('a perfect match of a 32-bit payload with 13 ones is a 1 in C(32,13) event', () => {
    const payload = hexToBits('53445632');
    const agreement = scoreBitAgreement(payload, payload);
    expect(agreement.matchingBits).toBe(32);
    expect(agreement.pValue).toBeCloseTo(1 / 347_373_600, 18);
    expect(bestPossiblePValue(payload)).toBeCloseTo(agreement.pValue, 18);
  });

  it('a decoder that reads all zeros is no evidence, however many payload zeros it matches', () => {
    // A fair-coin model would call 31 of 32 matching bits a 7.7e-9 event.
    const agreement = scoreBitAgreement(hexToBits('00000001'), new Uint8Array(32));
    expect(agreement.matchingBits).toBe(31);
    expect(agreement.pValue).toBe(1);
  });
});
