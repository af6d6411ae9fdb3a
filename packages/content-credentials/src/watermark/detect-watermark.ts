import { readImagePixels, type ReadPixelsOptions } from '../pixels.js';
import type { PixelBuffer } from './block-votes.js';
import { detectDwtDct, type DwtDctOptions, type WatermarkDetection } from './dwtdct.js';

export type DetectWatermarkOptions = DwtDctOptions & ReadPixelsOptions;

function isPixelBuffer(input: string | Uint8Array | PixelBuffer): input is PixelBuffer {
  return typeof input === 'object' && 'width' in input && 'data' in input;
}

/**
 * Looks for an invisible-watermark dwtDct mark in an image file, encoded image bytes or decoded pixels, scoring the
 * known payloads and `options.payloads`. Throws InputError for unreadable, corrupt or oversized images.
 */
export async function detectWatermark(
  input: string | Uint8Array | PixelBuffer,
  options: DetectWatermarkOptions = {},
): Promise<WatermarkDetection> {
  const pixels = isPixelBuffer(input) ? input : await readImagePixels(input, options);
  return detectDwtDct(pixels, options);
}
