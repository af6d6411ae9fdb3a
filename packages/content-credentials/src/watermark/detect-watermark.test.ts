import { UsageError } from '@rai-audit/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PixelBuffer } from './block-votes.js';
import { chromaUInt8 } from './chroma.js';
import { detectWatermark } from './detect-watermark.js';
import { haarForward2d, haarInverse2d } from './haar.js';
import { hexToBits } from './payloads.js';

const D = (x: number): number => (x + 8192) >> 14;
const clamp = (x: number): number => Math.min(255, Math.max(0, x));

/** A seeded, textured RGB carrier: on flat chroma the mark's 0 bits lose their votes (spec section 8). */
function carrier(width: number, height: number): PixelBuffer {
  const data = new Uint8Array(width * height * 3);
  let state = 12345;
  for (let i = 0; i < data.length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    data[i] = 64 + ((state >>> 16) % 128);
  }
  return { data, width, height, channels: 3 };
}

/**
 * A test-only dwtDct encoder following the scheme in the package README (uint8 path), so that a fresh clone without
 * ../shared still checks a full embed → detect round trip. `order` says which array the encoder is handed.
 */
function embed(image: PixelBuffer, bits: Uint8Array, order: 'bgr' | 'rgb'): PixelBuffer {
  const { width, height } = image;
  const [w4, h4] = [Math.floor(width / 4) * 4, Math.floor(height / 4) * 4];
  const [blue, red] = order === 'bgr' ? [2, 0] : [0, 2];
  const data = Uint8Array.from(image.data);
  const plane = new Float64Array(w4 * h4);
  for (let y = 0; y < h4; y += 1) {
    for (let x = 0; x < w4; x += 1) {
      const i = (y * width + x) * 3;
      plane[y * w4 + x] = chromaUInt8(data[i + blue]!, data[i + 1]!, data[i + red]!);
    }
  }
  const bands = haarForward2d(plane, w4, h4);
  const columns = Math.floor(bands.width / 4);
  for (let num = 0; num < Math.floor(bands.height / 4) * columns; num += 1) {
    const at = (k: number): number =>
      (Math.floor(num / columns) * 4 + (k >> 2)) * bands.width + (num % columns) * 4 + (k & 3);
    let p = 1;
    for (let k = 2; k < 16; k += 1)
      if (Math.abs(bands.lowLow[at(k)]!) > Math.abs(bands.lowLow[at(p)]!)) p = k;
    const v = bands.lowLow[at(p)]!;
    bands.lowLow[at(p)] =
      (v >= 0 ? 1 : -1) * (Math.floor(Math.abs(v) / 36) + 0.25 + 0.5 * bits[num % bits.length]!) * 36;
  }
  // Upstream passes (cV, cH, cD) where pywt expects (cH, cV, cD).
  const marked = haarInverse2d({ ...bands, horizontal: bands.vertical, vertical: bands.horizontal });
  for (let y = 0; y < h4; y += 1) {
    for (let x = 0; x < w4; x += 1) {
      const i = (y * width + x) * 3;
      const [b, g, r] = [data[i + blue]!, data[i + 1]!, data[i + red]!];
      const luma = D(1868 * b + 9617 * g + 4899 * r);
      const v = clamp(D((r - luma) * 14369 + (128 << 14)));
      const u = Math.trunc(marked[y * w4 + x]!);
      data[i + blue] = clamp(luma + D((u - 128) * 33292));
      data[i + 1] = clamp(luma + D((u - 128) * -6472 + (v - 128) * -9519));
      data[i + red] = clamp(luma + D((v - 128) * 18678));
    }
  }
  return { ...image, data };
}

describe('detectWatermark', () => {
  const clean = carrier(320, 256);

  it('finds SDV2 embedded by the spec encoder, through PNG bytes, with the upstream variant', async () => {
    const marked = embed(clean, hexToBits('53445632'), 'bgr');
    const png = await sharp(marked.data, { raw: { width: 320, height: 256, channels: 3 } })
      .png()
      .toBuffer();
    const detection = await detectWatermark(png);
    expect(detection).toMatchObject({ status: 'found', payload: 'SDV2', blocks: 40 * 32, tests: 16 });
    const sdv2 = detection.payloads.find((p) => p.name === 'SDV2')!;
    expect(sdv2).toMatchObject({
      matchingBits: 32,
      decodedHex: '53445632',
      variant: { order: 'bgr', chroma: 'uint8' },
    });
  });

  it('finds a user payload embedded into an RGB array handed over as BGR, with the swapped variant', async () => {
    const marked = embed(clean, hexToBits('2d6f640fa5'), 'rgb');
    const detection = await detectWatermark(marked, { payloads: ['2D6F640FA5'] });
    expect(detection).toMatchObject({ status: 'found', payload: '2d6f640fa5', tests: 20 });
    const user = detection.payloads.at(-1)!;
    expect(user.variant.order).toBe('rgb');
    const bgr = user.variants.filter((score) => score.variant.order === 'bgr');
    expect(bgr.every((score) => score.pValue > detection.pValueThreshold)).toBe(true);
  });

  it('reports "not found" on the unmarked carrier, with every payload scored', async () => {
    const detection = await detectWatermark(clean, { payloads: ['2d6f640fa5'] });
    expect(detection.status).toBe('not found');
    expect(detection.payload).toBeUndefined();
    expect(detection.payloads.map((p) => p.name)).toEqual([
      'StableDiffusionV1',
      'SDV2',
      'SDXL',
      'FLUX',
      '2d6f640fa5',
    ]);
    expect(detection.payloads.every((p) => !p.found && p.variants.length === 4)).toBe(true);
    expect(detection.pValueThreshold).toBeCloseTo(1e-6 / 20, 15);
  });

  it('needs at most 9% bit errors, even when the p-value alone would call it found', async () => {
    const sdv1 = hexToBits(Buffer.from('StableDiffusionV1').toString('hex'));
    const marked = embed(carrier(512, 512), sdv1, 'bgr');
    // A user payload 20 bits away from the embedded one: p is tiny, but 20 errors exceed floor(9% of 136) = 12.
    const near = sdv1.map((bit, k) => (k % 6 === 0 && k < 120 ? 1 - bit : bit));
    const detection = await detectWatermark(marked, { payloads: ['0b' + near.join('')] });
    expect(detection.payload).toBe('StableDiffusionV1');
    const score = detection.payloads.at(-1)!;
    expect([score.matchingBits, score.maxBitErrors, score.found]).toEqual([116, 12, false]);
    expect(score.pValue).toBeLessThan(detection.pValueThreshold);
  });

  it('does not score images smaller than the encoders accept', async () => {
    const detection = await detectWatermark(carrier(200, 200));
    expect(detection.status).toBe('not found');
    expect(detection.note).toBe('image has 40000 pixels, fewer than the 65536 dwtDct encoders accept');
  });

  it('refuses payloads that cannot be parsed or could never reach the false-positive rate', async () => {
    await expect(detectWatermark(clean, { payloads: ['xyz'] })).rejects.toThrow(UsageError);
    await expect(detectWatermark(clean, { payloads: ['0b10110'] })).rejects.toThrow(
      /"0b10110" \(5 bits\) can never be detected: even a perfect match has p = 0\.10/,
    );
    await expect(detectWatermark(clean, { falsePositiveRate: 0 })).rejects.toThrow(/between 0 and 1/);
  });
});
