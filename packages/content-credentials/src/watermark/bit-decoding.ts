import { bitsToBinary, bytesToHex, packBits } from './payloads.js';

/** The bits a dwtDct decoder reads for one payload length. */
export interface DecodedBits {
  /** 0/1 per payload bit. */
  readonly bits: Uint8Array;
  /** The bits as a `0`/`1` string. */
  readonly binary: string;
  /** `np.packbits(bits)` as hex: what upstream's `WatermarkDecoder('bytes', n)` returns. */
  readonly hex: string;
  /** Per bit, the mean of its block votes (NaN when no block carried it); the bit is 1 when score·255 > 127. */
  readonly scores: Float64Array;
  /** Fewest block votes any bit received. */
  readonly minVotesPerBit: number;
}

/** Majority decoding (spec section 3): block `n` votes for bit `n mod bitLength`. */
export function decodeBitsFromVotes(votes: Uint8Array, bitLength: number): DecodedBits {
  if (!Number.isInteger(bitLength) || bitLength < 1)
    throw new RangeError(`bit length must be ≥ 1, got ${bitLength}`);
  const ones = new Uint32Array(bitLength);
  const totals = new Uint32Array(bitLength);
  for (let block = 0, bit = 0; block < votes.length; block += 1) {
    ones[bit]! += votes[block]!;
    totals[bit]! += 1;
    bit = bit + 1 === bitLength ? 0 : bit + 1;
  }
  const scores = new Float64Array(bitLength);
  const bits = new Uint8Array(bitLength);
  for (let k = 0; k < bitLength; k += 1) {
    // The same float operations as numpy: mean = sum / count, then mean * 255 > 127; NaN compares false.
    scores[k] = ones[k]! / totals[k]!;
    bits[k] = scores[k]! * 255 > 127 ? 1 : 0;
  }
  return {
    bits,
    binary: bitsToBinary(bits),
    hex: bytesToHex(packBits(bits)),
    scores,
    minVotesPerBit: Math.min(...totals),
  };
}
