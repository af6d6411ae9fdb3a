import { stat } from 'node:fs/promises';
import { InputError } from '@rai-audit/core';
import sharp from 'sharp';
import type { PixelBuffer } from './watermark/block-votes.js';

/** Default pixel limit: 64 MP decodes to 192 MB of RGB, which keeps a pool of workers well under 1 GB. */
export const DEFAULT_MAX_PIXELS = 64_000_000;

export interface ReadPixelsOptions {
  /** Refuse images with more pixels than this (decompression bombs); 64,000,000 by default. */
  readonly maxPixels?: number;
  /** How to name an in-memory image in error messages. */
  readonly name?: string;
}

const FORMATS_HINT = 'use a complete PNG, JPEG, WebP, AVIF, TIFF or GIF image';

async function checkReadableFile(file: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new InputError('not a regular file', { file, hint: 'give the path of an image file' });
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new InputError(`cannot read the file (${code})`, {
      file,
      hint: 'check the path and its permissions',
      cause: error,
    });
  }
  if (size === 0) throw new InputError('the file is empty (0 bytes)', { file, hint: FORMATS_HINT });
}

function describeSize(width: number, height: number): string {
  return `${width}×${height} (${(width * height).toLocaleString('en-US')} pixels)`;
}

async function readDimensions(
  input: string | Uint8Array,
  file: string,
): Promise<{ width: number; height: number }> {
  try {
    // Header only: no limit here, so that the refusal below can name the dimensions.
    const { width, height } = await sharp(input, { limitInputPixels: false }).metadata();
    if (width && height) return { width, height };
  } catch (error) {
    throw new InputError(`not a decodable image: ${(error as Error).message}`, {
      file,
      location: 'header',
      hint: FORMATS_HINT,
      cause: error,
    });
  }
  throw new InputError('the image header gives no dimensions', {
    file,
    location: 'header',
    hint: FORMATS_HINT,
  });
}

/**
 * Decodes an image file or encoded bytes to 8-bit RGB with sharp, refusing images above the pixel limit before
 * decoding them. Pixels are returned as stored: no EXIF rotation and no ICC conversion, like `cv2.imread`'s
 * channels, so that a fragile watermark is read from the values the encoder wrote.
 */
export async function readImagePixels(
  source: string | Uint8Array,
  options: ReadPixelsOptions = {},
): Promise<PixelBuffer> {
  const file = typeof source === 'string' ? source : (options.name ?? '(image bytes)');
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (typeof source === 'string') await checkReadableFile(source);
  else if (source.length === 0)
    throw new InputError('the image is empty (0 bytes)', { file, hint: FORMATS_HINT });
  const { width, height } = await readDimensions(source, file);
  if (width * height > maxPixels) {
    throw new InputError(
      `image is ${describeSize(width, height)}, above the limit of ${maxPixels.toLocaleString('en-US')} pixels`,
      {
        file,
        location: 'header',
        hint: 'raise the pixel limit only for images you trust: decoding needs 3 bytes per pixel',
      },
    );
  }
  try {
    const { data, info } = await sharp(source, {
      limitInputPixels: maxPixels,
      failOn: 'error',
      ignoreIcc: true,
      sequentialRead: true,
    })
      .removeAlpha()
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length);
    return { data: pixels, width: info.width, height: info.height, channels: info.channels };
  } catch (error) {
    throw new InputError(`corrupt or truncated image: ${(error as Error).message}`, {
      file,
      location: 'pixel data',
      hint: FORMATS_HINT,
      cause: error,
    });
  }
}
