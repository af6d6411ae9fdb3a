import { UsageError } from '@rai-audit/core';
import { countBlocks, DWTDCT_SCALE, type PixelBuffer } from './block-votes.js';
import { chromaUInt8 } from './chroma.js';
import { DWTDCT_MIN_PIXELS } from './dwtdct.js';
import { KNOWN_WATERMARK_PAYLOADS, parseWatermarkPayload, type WatermarkPayload } from './payloads.js';

/** A payload for `--watermark`: `sdv1`, `sdv2`, `sdxl`, `flux` (the generators' own), or hex / 0b bits. */
export function watermarkPayloadFor(text: string): WatermarkPayload {
  const aliases: Record<string, string> = {
    sdv1: 'StableDiffusionV1',
    sdv2: 'SDV2',
    sdxl: 'SDXL',
    flux: 'FLUX',
  };
  const known = aliases[text.trim().toLowerCase()];
  if (known) return KNOWN_WATERMARK_PAYLOADS.find((payload) => payload.name === known)!;
  return parseWatermarkPayload(text, '--watermark');
}

// OpenCV's YUV→BGR coefficients: a change dU of U (Y and V kept) is dB = 2.032·dU, dG = −0.395·dU, dR = 0.
const BLUE_PER_U = 33292 / 16384;
const GREEN_PER_U = -6472 / 16384;
// Keep a written residue this far from the vote threshold (18) and from the wrap (0/36): rounding to 8-bit
// pixels moves an LL value by up to about 2.
const MARGIN = 5;
const PASSES = 4;

/** Residue modulo 36 that votes `bit`: 9 for 0, 27 for 1, the centres of the two halves. */
function targetResidue(bit: number): number {
  return (bit ? 0.75 : 0.25) * DWTDCT_SCALE;
}

/**
 * The nearest value to `value` whose residue is the one `bit` votes for, and that stays above `floor` so that the
 * coefficient remains the block's largest (the decoder looks at the largest one).
 */
function markedValue(value: number, bit: number, floor: number): number {
  const base = Math.floor(value / DWTDCT_SCALE) * DWTDCT_SCALE + targetResidue(bit);
  const candidates = [base - DWTDCT_SCALE, base, base + DWTDCT_SCALE].filter((c) => c > floor && c >= 0);
  return candidates.reduce((best, c) => (Math.abs(c - value) < Math.abs(best - value) ? c : best));
}

function uPlane(pixels: PixelBuffer, width: number, height: number, data: Uint8Array): Float64Array {
  const plane = new Float64Array(width * height);
  const { channels } = pixels;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * pixels.width + x) * channels;
      // The upstream encoder reads BGR: the stored blue plays OpenCV's B.
      plane[y * width + x] = chromaUInt8(data[i + 2]!, data[i + 1]!, data[i]!);
    }
  }
  return plane;
}

/** Adds `du` to U of the 2×2 pixels of LL coefficient (row, column), through B and G. */
function shiftPixels(pixels: PixelBuffer, data: Uint8Array, row: number, column: number, du: number): void {
  for (let dy = 0; dy < 2; dy += 1) {
    for (let dx = 0; dx < 2; dx += 1) {
      const i = ((2 * row + dy) * pixels.width + 2 * column + dx) * pixels.channels;
      data[i + 2] = Math.min(255, Math.max(0, Math.round(data[i + 2]! + BLUE_PER_U * du)));
      data[i + 1] = Math.min(255, Math.max(0, Math.round(data[i + 1]! + GREEN_PER_U * du)));
    }
  }
}

/**
 * Embeds a dwtDct payload (spec section 2, the BGR uint8 reading that the SD scripts' decoder uses): block n of
 * the U plane's LL band carries bit n mod length in the residue modulo 36 of its largest coefficient. Only U
 * changes (Y and V are kept, through B and G). Unlike upstream, the marked coefficient is moved to the nearest
 * value that still votes right and stays the largest, and blocks that rounding to 8 bits spoiled are redone,
 * so every block votes as intended whenever the pixels allow. Returns new pixels; the input is not changed.
 */
export function embedDwtDct(pixels: PixelBuffer, payload: WatermarkPayload): PixelBuffer {
  if (pixels.width * pixels.height < DWTDCT_MIN_PIXELS)
    throw new UsageError(
      `the image is ${pixels.width}×${pixels.height}, under the ${DWTDCT_MIN_PIXELS.toLocaleString('en-US')} pixels dwtDct needs`,
      { hint: 'leave out --watermark for small images' },
    );
  const data = Uint8Array.from(pixels.data);
  const { rows, columns } = countBlocks(pixels.width, pixels.height);
  const width = columns * 8;
  const height = rows * 8;
  const bits = payload.bits;
  for (let pass = 0; pass < PASSES; pass += 1) {
    const u = uPlane(pixels, width, height, data);
    let changed = 0;
    for (let blockRow = 0; blockRow < rows; blockRow += 1) {
      for (let blockColumn = 0; blockColumn < columns; blockColumn += 1) {
        const bit = bits[(blockRow * columns + blockColumn) % bits.length]!;
        const f = new Float64Array(16);
        for (let k = 0; k < 16; k += 1) {
          const y = blockRow * 8 + 2 * (k >> 2);
          const x = blockColumn * 8 + 2 * (k & 3);
          f[k] =
            (u[y * width + x]! +
              u[y * width + x + 1]! +
              u[(y + 1) * width + x]! +
              u[(y + 1) * width + x + 1]!) /
            2;
        }
        let p = 1;
        for (let k = 2; k < 16; k += 1) if (Math.abs(f[k]!) > Math.abs(f[p]!)) p = k;
        let second = 0;
        for (let k = 1; k < 16; k += 1) if (k !== p) second = Math.max(second, Math.abs(f[k]!));
        const residue = f[p]! % DWTDCT_SCALE;
        if (Math.abs(residue - targetResidue(bit)) <= DWTDCT_SCALE / 4 - MARGIN) continue;
        const target = markedValue(f[p]!, bit, second + 2);
        shiftPixels(pixels, data, blockRow * 4 + (p >> 2), blockColumn * 4 + (p & 3), (target - f[p]!) / 2);
        changed += 1;
      }
    }
    if (changed === 0) break;
  }
  return { data, width: pixels.width, height: pixels.height, channels: pixels.channels };
}
