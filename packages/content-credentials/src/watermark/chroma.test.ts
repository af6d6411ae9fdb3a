import { describe, expect, it } from 'vitest';
import { chromaUFloat, chromaUInt8, fillChromaRow } from './chroma.js';

describe('U channel as OpenCV COLOR_BGR2YUV computes it', () => {
  it('uint8 path: grey is 128, pure blue and pure red by fixed-point arithmetic', () => {
    expect(chromaUInt8(255, 255, 255)).toBe(128);
    expect(chromaUInt8(77, 77, 77)).toBe(128);
    // blue: Y = (1868·255 + 8192) >> 14 = 29; U = ((255 − 29)·8061 + 128·2^14 + 8192) >> 14 = 239
    expect(chromaUInt8(255, 0, 0)).toBe(239);
    // red: Y = (4899·255 + 8192) >> 14 = 76; U = ((0 − 76)·8061 + 128·2^14 + 8192) >> 14 = 91
    expect(chromaUInt8(0, 0, 255)).toBe(91);
  });

  it('float path: offset 0.5 and no rounding', () => {
    expect(chromaUFloat(255, 255, 255)).toBeCloseTo(0.5, 9);
    expect(chromaUFloat(255, 0, 0)).toBeCloseTo(0.492 * (255 - 0.114 * 255) + 0.5, 9);
    expect(chromaUFloat(0, 0, 255)).toBeCloseTo(0.492 * -0.299 * 255 + 0.5, 9);
  });

  it('the channel order decides which stored channel plays blue', () => {
    // One red RGBA pixel then one blue one.
    const pixels = Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 255]);
    const out = new Float64Array(2);
    fillChromaRow(pixels, 0, 2, 4, { order: 'bgr', chroma: 'uint8' }, out);
    expect(Array.from(out)).toEqual([91, 239]);
    fillChromaRow(pixels, 0, 2, 4, { order: 'rgb', chroma: 'uint8' }, out);
    expect(Array.from(out)).toEqual([239, 91]);
  });
});
