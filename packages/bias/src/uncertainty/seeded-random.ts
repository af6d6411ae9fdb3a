/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** SplitMix32: spreads a 32-bit seed over the 128-bit state, so that nearby seeds give unrelated streams. */
function splitMix32(state: number): { state: number; value: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return { state: next, value: (z ^ (z >>> 16)) >>> 0 };
}

/** A 32-bit hash of a seed and an optional label (FNV-1a over the label), for independent named streams. */
function seedWord(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32) | 0, 0x9e3779b1);
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A seeded xoshiro128** generator (Blackman & Vigna): period 2^128 − 1, fast in 32-bit integer arithmetic, which
 * is what JavaScript does well. Each number takes 53 random bits, so every double in [0, 1) at spacing 2^-53 can
 * occur (a 32-bit uniform would make log(u) in the binomial sampler coarse in the tails). The same seed and label
 * always give the same stream; a different label gives an unrelated one.
 */
export function createSeededRandom(seed: number, label = ''): RandomSource {
  let mix = seedWord(seed, label);
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const step = splitMix32(mix);
    mix = step.state;
    words.push(step.value);
  }
  let [s0 = 0, s1 = 0, s2 = 0, s3 = 0] = words;
  const next32 = (): number => {
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return () => ((next32() >>> 5) * TWO_POW_26 + (next32() >>> 6)) / TWO_POW_53;
}
