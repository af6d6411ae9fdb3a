import sharp from 'sharp';
import type { PixelBuffer } from '../watermark/block-votes.js';

/** Default edge of the report's preview, in pixels: enough to recognise an image in a table row. */
export const DEFAULT_THUMBNAIL_SIZE = 96;

/**
 * sharp steps that display an image stored with EXIF orientation `orientation` upright. sharp mirrors before it
 * rotates, so the transposing orientations (5, 7) mirror first and rotate the other way.
 */
function orientationSteps(orientation: number): { flop: boolean; flip: boolean; angle: number } {
  switch (orientation) {
    case 2:
      return { flop: true, flip: false, angle: 0 };
    case 3:
      return { flop: false, flip: false, angle: 180 };
    case 4:
      return { flop: false, flip: true, angle: 0 };
    case 5:
      return { flop: true, flip: false, angle: 270 };
    case 6:
      return { flop: false, flip: false, angle: 90 };
    case 7:
      return { flop: true, flip: false, angle: 90 };
    case 8:
      return { flop: false, flip: false, angle: 270 };
    default:
      return { flop: false, flip: false, angle: 0 };
  }
}

/**
 * A small WebP preview as a data URI, made from pixels already decoded for the watermark detector (so the image is
 * not decoded twice), turned upright according to the EXIF orientation the file declared.
 */
export async function makeThumbnail(
  pixels: PixelBuffer,
  orientation = 1,
  size = DEFAULT_THUMBNAIL_SIZE,
): Promise<string> {
  const steps = orientationSteps(orientation);
  let image = sharp(pixels.data, {
    raw: { width: pixels.width, height: pixels.height, channels: pixels.channels as 3 | 4 },
  });
  if (steps.flop) image = image.flop();
  if (steps.flip) image = image.flip();
  if (steps.angle !== 0) image = image.rotate(steps.angle);
  const webp = await image
    .resize(size, size, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 70, effort: 2 })
    .toBuffer();
  return `data:image/webp;base64,${webp.toString('base64')}`;
}
