import { describe, expect, it } from 'vitest';
import type { PixelBuffer } from './block-votes.js';
import { detectDwtDct } from './dwtdct.js';
import { embedDwtDct, watermarkPayloadFor } from './embed-dwtdct.js';

/** A smooth, colourful test image (deterministic). */
function image(width: number, height: number, channels = 3): PixelBuffer {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * channels;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = 128 + 90 * Math.sin((x + 2 * y) / 37);
      if (channels === 4) data[i + 3] = 255;
    }
  return { data, width, height, channels };
}

describe('embedDwtDct: what it writes, the detector reads', () => {
  const clean = image(512, 384);

  it('the clean image carries no payload', () => {
    expect(detectDwtDct(clean).status).toBe('not found');
  });

  for (const name of ['sdv1', 'sdv2', 'sdxl', 'flux']) {
    it(`${name}: found with every bit right, on RGB and RGBA`, () => {
      const payload = watermarkPayloadFor(name);
      const marked = embedDwtDct(clean, payload);
      const result = detectDwtDct(marked);
      expect(result.status).toBe('found');
      expect(result.payload).toBe(payload.name);
      const score = result.payloads.find((p) => p.name === payload.name)!;
      expect(score.matchingBits).toBe(payload.bits.length);
      expect(detectDwtDct(embedDwtDct(image(512, 384, 4), payload)).payload).toBe(payload.name);
    });
  }

  it('a user payload, with small changes to the pixels (PSNR above 35 dB) and the input left as it was', () => {
    const before = Uint8Array.from(clean.data);
    const marked = embedDwtDct(clean, watermarkPayloadFor('2d6f640f'));
    expect(clean.data).toEqual(before);
    const result = detectDwtDct(marked, { payloads: ['2d6f640f'] });
    expect(result.payload).toBe('2d6f640f');
    let squared = 0;
    for (let i = 0; i < before.length; i += 1) squared += (marked.data[i]! - before[i]!) ** 2;
    const psnr = 10 * Math.log10(255 ** 2 / (squared / before.length));
    expect(psnr).toBeGreaterThan(35);
    expect(psnr).toBeLessThan(80);
  });

  it('refuses an image too small for the scheme, and an unknown payload name', () => {
    expect(() => embedDwtDct(image(200, 200), watermarkPayloadFor('sdv2'))).toThrow(
      /under the 65,536 pixels/,
    );
    expect(() => watermarkPayloadFor('sdv3')).toThrow(/neither hex nor/);
  });
});
