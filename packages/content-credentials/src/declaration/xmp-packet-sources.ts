/** An XMP packet as found in an asset, with where it was found (for the report). */
export interface XmpPacket {
  /** e.g. `png iTXt XML:com.adobe.xmp`, `webp XMP chunk`, `jpeg APP1`, `raw scan`. */
  readonly where: string;
  readonly text: string;
}

/** Inflated XMP larger than this is refused: a few kilobytes is normal, and zlib bombs are not. */
export const MAX_INFLATED_XMP_BYTES = 16 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** XMP is UTF-8 by specification, whatever the container says its text encoding is (PNG tEXt says Latin-1). */
export function decodeXmpText(bytes: Uint8Array): string {
  return utf8.decode(bytes).replace(/^\uFEFF/, '');
}
