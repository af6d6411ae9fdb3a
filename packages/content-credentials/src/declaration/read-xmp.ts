import exifr from 'exifr';
import { readPngXmpPackets } from './png-xmp.js';
import { scanRawXmpPackets } from './raw-xmp-scan.js';
import { readWebpXmpPackets } from './webp-xmp.js';
import type { XmpPacket } from './xmp-packet-sources.js';
import { findDigitalSourceTypes, type XmpDigitalSourceTypeProperty } from './xmp-packet.js';

/** A DigitalSourceType property found in the asset's XMP, and where. */
export interface XmpDigitalSourceTypeLabel extends XmpDigitalSourceTypeProperty {
  readonly where: string;
}

/** JPEG APP1 and TIFF tag 700 through exifr; `parse: false` keeps the packet as text for our namespace-aware reading. */
async function readXmpWithExifr(bytes: Uint8Array, mediaType: string): Promise<XmpPacket[]> {
  const where = mediaType === 'image/jpeg' ? 'jpeg APP1' : 'tiff XMP tag';
  try {
    const output = (await exifr.parse(bytes, { tiff: false, xmp: { parse: false }, mergeOutput: false })) as
      { xmp?: unknown } | undefined;
    const xmp = output?.xmp;
    return typeof xmp === 'string' && xmp !== '' ? [{ where, text: xmp }] : [];
  } catch {
    // exifr gave up on the container (truncated, unusual layout): scanning the bytes still finds a plain packet.
    return scanRawXmpPackets(bytes);
  }
}

/**
 * The XMP packets of an asset: exifr for JPEG and TIFF, our own chunk readers for PNG (tEXt/zTXt/iTXt, which
 * exifr does not fully read) and WebP, and a byte scan elsewhere (exifr 7.1.3 reads no XMP from HEIF/AVIF).
 */
export async function readXmpPackets(bytes: Uint8Array, mediaType: string): Promise<XmpPacket[]> {
  switch (mediaType) {
    case 'image/jpeg':
    case 'image/tiff':
      return readXmpWithExifr(bytes, mediaType);
    case 'image/png':
      return readPngXmpPackets(bytes);
    case 'image/webp':
      return readWebpXmpPackets(bytes);
    default:
      return scanRawXmpPackets(bytes);
  }
}

/** Every `Iptc4xmpExt:DigitalSourceType` in the asset's XMP, matched by namespace, with the packet's location. */
export async function readXmpDigitalSourceTypes(
  bytes: Uint8Array,
  mediaType: string,
): Promise<XmpDigitalSourceTypeLabel[]> {
  const packets = await readXmpPackets(bytes, mediaType);
  return packets.flatMap((packet) =>
    findDigitalSourceTypes(packet.text).map((property) => ({ where: packet.where, ...property })),
  );
}
