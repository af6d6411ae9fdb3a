import { fillChromaRow, type DecodeVariant } from './chroma.js';
import { haarLowLowPywtOrder, type HaarRounding } from './haar.js';

/** An 8-bit RGB or RGBA image, row-major, channels interleaved (what sharp's `raw()` returns). */
export interface PixelBuffer {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  /** 3 (RGB) or 4 (RGBA; alpha is ignored). */
  readonly channels: number;
}

/** dwtDct's quantisation step for U (scales `[0,36,36]`). */
export const DWTDCT_SCALE = 36;
/** Side of an LL block; each covers 8×8 pixels. */
const BLOCK = 4;

/** Number of 4×4 LL blocks, each covering 8×8 pixels: partial blocks are dropped, as upstream does. */
export function countBlocks(width: number, height: number): { rows: number; columns: number } {
  return { rows: Math.floor(height / 8), columns: Math.floor(width / 8) };
}

/**
 * The vote of one LL block (spec section 3): the largest |coefficient| outside the first, first one on ties;
 * 1 when its residue modulo 36 is strictly above 18.
 */
export function voteOfBlock(lowLow: Float64Array, rowStride: number, firstColumn: number): number {
  // Only the magnitude matters: tied positions have the same |value| and so the same residue.
  let largest = 0;
  for (let k = 1; k < BLOCK * BLOCK; k += 1) {
    const magnitude = Math.abs(lowLow[(k >> 2) * rowStride + firstColumn + (k & 3)]!);
    if (magnitude > largest) largest = magnitude;
  }
  return largest % DWTDCT_SCALE > DWTDCT_SCALE / 2 ? 1 : 0;
}

function fillLowLowRow(
  upper: Float64Array,
  lower: Float64Array,
  rounding: HaarRounding,
  out: Float64Array,
  offset: number,
  count: number,
): void {
  // Separate loops so that the hot one calls nothing.
  if (rounding === 'exact') {
    for (let j = 0, x = 0; j < count; j += 1, x += 2) {
      out[offset + j] = (upper[x]! + upper[x + 1]! + lower[x]! + lower[x + 1]!) * 0.5;
    }
  } else {
    for (let j = 0, x = 0; j < count; j += 1, x += 2) {
      out[offset + j] = haarLowLowPywtOrder(upper[x]!, upper[x + 1]!, lower[x]!, lower[x + 1]!);
    }
  }
}

/**
 * One 0/1 vote per block in raster order for one variant. Works one strip of 8 pixel rows at a time, so memory
 * is a few rows of doubles whatever the image size.
 */
export function computeBlockVotes(
  pixels: PixelBuffer,
  variant: DecodeVariant,
  rounding: HaarRounding = 'exact',
): Uint8Array {
  const { rows, columns } = countBlocks(pixels.width, pixels.height);
  const usedWidth = columns * 8;
  const llWidth = usedWidth / 2;
  const votes = new Uint8Array(rows * columns);
  const upper = new Float64Array(usedWidth);
  const lower = new Float64Array(usedWidth);
  const strip = new Float64Array(BLOCK * llWidth);
  const rowBytes = pixels.width * pixels.channels;
  for (let blockRow = 0; blockRow < rows; blockRow += 1) {
    for (let r = 0; r < BLOCK; r += 1) {
      const y = blockRow * 8 + 2 * r;
      fillChromaRow(pixels.data, y * rowBytes, usedWidth, pixels.channels, variant, upper);
      fillChromaRow(pixels.data, (y + 1) * rowBytes, usedWidth, pixels.channels, variant, lower);
      fillLowLowRow(upper, lower, rounding, strip, r * llWidth, llWidth);
    }
    for (let blockColumn = 0; blockColumn < columns; blockColumn += 1) {
      votes[blockRow * columns + blockColumn] = voteOfBlock(strip, llWidth, blockColumn * BLOCK);
    }
  }
  return votes;
}
