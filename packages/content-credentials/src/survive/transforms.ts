import { InputError, SURVIVAL_TRANSFORMS, UsageError, type SurvivalTransform } from '@rai-audit/core';
import sharp from 'sharp';
import { stripJpegMetadata, stripPngMetadata } from './strip-metadata.js';

export { SURVIVAL_TRANSFORMS };

/** What each transform stands for on a distribution path, for help texts and the report. */
export const TRANSFORM_DESCRIPTIONS: Readonly<Record<SurvivalTransform, string>> = {
  jpeg90: 'JPEG quality 90, 4:2:0 chroma (what most tools write), metadata kept',
  jpeg75: 'JPEG quality 75, 4:2:0 chroma, metadata kept',
  webp80: 'lossy WebP quality 80, metadata kept',
  resize50: 'half the width and height, same format (lossless or JPEG q95 4:4:4), metadata kept',
  crop5: '5 % cut from every edge, same format (lossless or JPEG q95 4:4:4), metadata kept',
  'strip-metadata':
    'every metadata segment or chunk removed (EXIF, XMP, IPTC, C2PA); pixels untouched (JPEG and PNG byte for byte)',
  'png-recompress': 'decoded and saved again as PNG at compression level 9 (lossless), metadata kept',
};

/** Parses `--transforms a,b,…`; a usage error names the unknown one and lists the others. */
export function parseTransforms(text: string): SurvivalTransform[] {
  const names = [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  for (const name of names)
    if (!(SURVIVAL_TRANSFORMS as readonly string[]).includes(name))
      throw new UsageError(`unknown transform "${name}" in --transforms`, {
        hint: `use some of ${SURVIVAL_TRANSFORMS.join(', ')}`,
      });
  if (names.length === 0)
    throw new UsageError('--transforms is empty', { hint: `use some of ${SURVIVAL_TRANSFORMS.join(', ')}` });
  return names as SurvivalTransform[];
}

/** Saves in the input's format with a lossless setting where it has one, so that only the geometry changes. */
function sameFormat(image: sharp.Sharp, mediaType: string): sharp.Sharp {
  if (mediaType === 'image/jpeg') return image.jpeg({ quality: 95, chromaSubsampling: '4:4:4' });
  if (mediaType === 'image/webp') return image.webp({ lossless: true });
  if (mediaType === 'image/tiff') return image.tiff({ compression: 'deflate' });
  if (mediaType === 'image/gif') return image.gif();
  if (mediaType === 'image/avif') return image.avif({ lossless: true });
  return image.png();
}

async function cropFivePercent(bytes: Uint8Array): Promise<sharp.Sharp> {
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  const left = Math.round(width * 0.05);
  const top = Math.round(height * 0.05);
  return sharp(bytes).extract({ left, top, width: width - 2 * left, height: height - 2 * top });
}

async function resizeHalf(bytes: Uint8Array): Promise<sharp.Sharp> {
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  return sharp(bytes).resize(Math.max(1, Math.round(width / 2)), Math.max(1, Math.round(height / 2)));
}

async function stripMetadata(bytes: Uint8Array, mediaType: string): Promise<Uint8Array> {
  if (mediaType === 'image/jpeg') return stripJpegMetadata(bytes);
  if (mediaType === 'image/png') return stripPngMetadata(bytes);
  // Other formats: decoded and saved losslessly; sharp writes no metadata unless asked to.
  return sameFormat(sharp(bytes), mediaType).toBuffer();
}

/**
 * Applies one transform of a distribution path to an image, in memory. Re-encodes keep the metadata libvips
 * knows (EXIF, XMP, IPTC, ICC) but never a C2PA manifest store, as image tools do; `strip-metadata` models a
 * platform that removes metadata without touching pixels. Throws InputError when the image cannot be decoded.
 */
export async function applyTransform(
  bytes: Uint8Array,
  mediaType: string,
  transform: SurvivalTransform,
): Promise<Uint8Array> {
  try {
    switch (transform) {
      case 'jpeg90':
        return await sharp(bytes).keepMetadata().jpeg({ quality: 90 }).toBuffer();
      case 'jpeg75':
        return await sharp(bytes).keepMetadata().jpeg({ quality: 75 }).toBuffer();
      case 'webp80':
        return await sharp(bytes).keepMetadata().webp({ quality: 80 }).toBuffer();
      case 'resize50':
        return await sameFormat((await resizeHalf(bytes)).keepMetadata(), mediaType).toBuffer();
      case 'crop5':
        return await sameFormat((await cropFivePercent(bytes)).keepMetadata(), mediaType).toBuffer();
      case 'strip-metadata':
        return await stripMetadata(bytes, mediaType);
      case 'png-recompress':
        return await sharp(bytes).keepMetadata().png({ compressionLevel: 9 }).toBuffer();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot apply ${transform}: ${(error as Error).message}`, {
      hint: 'survive transforms raster images that sharp decodes (JPEG, PNG, WebP, TIFF, GIF, AVIF)',
      cause: error,
    });
  }
}
