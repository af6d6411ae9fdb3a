/**
 * File extensions and the media types they promise. A file whose content is of another type is mislabelled:
 * servers send the wrong Content-Type and tools that pick a C2PA parser by extension miss its manifest.
 */
const TYPES_BY_EXTENSION: Readonly<Record<string, readonly string[]>> = {
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  jpe: ['image/jpeg'],
  png: ['image/png'],
  webp: ['image/webp'],
  avif: ['image/avif'],
  // HEIF files are named .heic whatever their brand, and the reverse.
  heic: ['image/heic', 'image/heif'],
  heif: ['image/heic', 'image/heif', 'image/avif'],
  gif: ['image/gif'],
  svg: ['image/svg+xml'],
  tif: ['image/tiff'],
  tiff: ['image/tiff'],
  // ISO-BMFF brands vary: an audio-only .mp4 has an M4A brand, a .mov may carry an mp4 brand.
  mp4: ['video/mp4', 'audio/mp4', 'video/quicktime'],
  m4v: ['video/mp4', 'video/quicktime'],
  mov: ['video/quicktime', 'video/mp4'],
  m4a: ['audio/mp4', 'video/mp4'],
  wav: ['audio/wav'],
  mp3: ['audio/mpeg'],
  flac: ['audio/flac'],
  pdf: ['application/pdf'],
};

/** The lower-case extension of a path, without the dot, or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * Why the file name contradicts the detected media type, or undefined when it does not (an unknown
 * or missing extension promises nothing).
 */
export function describeMislabel(path: string, mediaType: string): string | undefined {
  const extension = extensionOf(path);
  const promised = TYPES_BY_EXTENSION[extension];
  if (!promised || promised.includes(mediaType)) return undefined;
  return `the content is ${mediaType} but the name ends in .${extension} (${promised[0]})`;
}
