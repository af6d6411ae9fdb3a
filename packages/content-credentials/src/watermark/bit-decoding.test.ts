import { describe, expect, it } from 'vitest';
import { decodeBitsFromVotes } from './bit-decoding.js';
import { voteOfBlock } from './block-votes.js';

describe('majority decoding of block votes', () => {
  it('gives block n to bit n mod length and thresholds the mean at 127/255', () => {
    // bit 0 gets votes 1,1,0 (0.67), bit 1 gets 1,0 (0.5 → 127.5 > 127), bit 2 gets 0,0 (0).
    const decoded = decodeBitsFromVotes(Uint8Array.from([1, 1, 0, 1, 0, 0, 0]), 3);
    expect(Array.from(decoded.scores)).toEqual([2 / 3, 0.5, 0]);
    expect(decoded.binary).toBe('110');
    expect(decoded.hex).toBe('c0');
    expect(decoded.minVotesPerBit).toBe(2);
  });

  it('decodes a bit without votes as 0, as numpy does with the NaN of an empty mean', () => {
    const decoded = decodeBitsFromVotes(Uint8Array.from([1]), 2);
    expect(decoded.binary).toBe('10');
    expect(Number.isNaN(decoded.scores[1])).toBe(true);
    expect(decoded.minVotesPerBit).toBe(0);
  });
});

describe('vote of one 4×4 LL block', () => {
  const block = (position: number, value: number): Float64Array => {
    const values = Float64Array.from({ length: 16 }, (_, k) => (k === 0 ? 1000 : k % 5));
    values[position] = value;
    return values;
  };

  it('reads the residue modulo 36 of the largest coefficient outside the first', () => {
    expect(voteOfBlock(block(6, 27 + 36), 4, 0)).toBe(1);
    expect(voteOfBlock(block(6, 9 + 72), 4, 0)).toBe(0);
    expect(voteOfBlock(block(15, -27), 4, 0)).toBe(1);
  });

  it('votes 0 on a residue of exactly 18 (strict comparison)', () => {
    expect(voteOfBlock(block(3, 18), 4, 0)).toBe(0);
    expect(voteOfBlock(block(3, 18.5), 4, 0)).toBe(1);
  });
});
