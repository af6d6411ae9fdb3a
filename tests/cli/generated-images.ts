import { createRequire } from 'node:module';

// sharp is a dependency of content-credentials, not of the root: load it from there.
export interface SharpImage {
  toFormat(format: string): SharpImage;
  gif(): SharpImage;
  toBuffer(): Promise<Buffer>;
}
export const sharp = createRequire(
  new URL('../../packages/content-credentials/package.json', import.meta.url),
)('sharp') as (input: unknown, options?: unknown) => SharpImage;

export const FORMATS = { jpg: 'jpeg', png: 'png', webp: 'webp', tiff: 'tiff' } as const;

/** A project-generated image: gradients and a wave, 384×256 (above the 65,536 pixels dwtDct needs). */
export async function makeImage(extension: keyof typeof FORMATS): Promise<Buffer> {
  const width = 384;
  const height = 256;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 3;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = 128 + 90 * Math.sin((x + 2 * y) / 37);
    }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .toFormat(FORMATS[extension])
    .toBuffer();
}
