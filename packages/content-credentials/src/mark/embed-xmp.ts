import { UsageError } from '@rai-audit/core';
import sharp from 'sharp';

const XMP_JPEG_NAMESPACE = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const PNG_XMP_KEYWORD = 'XML:com.adobe.xmp';

/** Formats whose XMP `assets mark` writes. */
export const XMP_WRITABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/tiff']);

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** JPEG: any standard XMP APP1 segment removed, ours inserted after SOI and the APP0 (JFIF) segments. */
export function embedJpegXmp(jpeg: Uint8Array, packet: string): Uint8Array {
  const bytes = Buffer.from(jpeg);
  const payload = Buffer.concat([XMP_JPEG_NAMESPACE, Buffer.from(packet, 'utf8')]);
  if (payload.length + 2 > 0xffff)
    throw new UsageError('the XMP packet is too large for one JPEG segment', { hint: 'shorten the terms' });
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(payload.length + 2, 2);
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  let insertAt = 1;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // start of scan: the rest is entropy-coded data
    const length = bytes.readUInt16BE(offset + 2);
    const part = bytes.subarray(offset, offset + 2 + length);
    const isXmp =
      marker === 0xe1 && part.subarray(4, 4 + XMP_JPEG_NAMESPACE.length).equals(XMP_JPEG_NAMESPACE);
    if (!isXmp) {
      kept.push(part);
      if (marker === 0xe0 && insertAt === kept.length - 1) insertAt = kept.length;
    }
    offset += 2 + length;
  }
  kept.splice(insertAt, 0, segment, payload);
  kept.push(bytes.subarray(offset));
  return new Uint8Array(Buffer.concat(kept));
}

function pngChunk(type: string, body: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const chunk = Buffer.alloc(body.length + 12);
  chunk.writeUInt32BE(body.length, 0);
  typed.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typed), body.length + 8);
  return chunk;
}

/** PNG: XMP text chunks (any `XML:com.adobe.xmp` tEXt/zTXt/iTXt) removed, an uncompressed iTXt after IHDR. */
export function embedPngXmp(png: Uint8Array, packet: string): Uint8Array {
  const bytes = Buffer.from(png);
  const parts: Buffer[] = [bytes.subarray(0, 8)];
  const body = Buffer.concat([
    Buffer.from(`${PNG_XMP_KEYWORD}\0\0\0\0\0`, 'latin1'),
    Buffer.from(packet, 'utf8'),
  ]);
  for (let offset = 8; offset + 12 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const chunk = bytes.subarray(offset, offset + 12 + length);
    const keyword = bytes.toString(
      'latin1',
      offset + 8,
      offset + 8 + Math.min(length, PNG_XMP_KEYWORD.length + 1),
    );
    const isXmp = ['iTXt', 'tEXt', 'zTXt'].includes(type) && keyword === `${PNG_XMP_KEYWORD}\0`;
    if (!isXmp) parts.push(chunk);
    if (type === 'IHDR') parts.push(pngChunk('iTXt', body));
    offset += 12 + length;
  }
  return new Uint8Array(Buffer.concat(parts));
}

function riffChunk(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(type, 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** WebP: the extended format (a VP8X chunk is added if missing) with the XMP flag and one `XMP ` chunk at the end. */
export async function embedWebpXmp(webp: Uint8Array, packet: string): Promise<Uint8Array> {
  const bytes = Buffer.from(webp);
  const chunks: Array<{ type: string; body: Buffer }> = [];
  const end = Math.min(bytes.length, 8 + bytes.readUInt32LE(4));
  for (let offset = 12; offset + 8 <= end;) {
    const size = bytes.readUInt32LE(offset + 4);
    chunks.push({
      type: bytes.toString('latin1', offset, offset + 4),
      body: bytes.subarray(offset + 8, offset + 8 + size),
    });
    offset += 8 + size + (size % 2);
  }
  let vp8x = chunks.find((chunk) => chunk.type === 'VP8X');
  if (!vp8x) {
    const { width = 1, height = 1, hasAlpha } = await sharp(webp).metadata();
    const body = Buffer.alloc(10);
    body[0] = hasAlpha ? 0x10 : 0;
    body.writeUIntLE(width - 1, 4, 3);
    body.writeUIntLE(height - 1, 7, 3);
    vp8x = { type: 'VP8X', body };
    chunks.unshift(vp8x);
  }
  vp8x.body = Buffer.from(vp8x.body);
  vp8x.body[0]! |= 0x04;
  const kept = chunks.filter((chunk) => chunk.type !== 'XMP ');
  kept.push({ type: 'XMP ', body: Buffer.from(packet, 'utf8') });
  const riffBody = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    ...kept.map((c) => riffChunk(c.type, c.body)),
  ]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(riffBody.length, 4);
  return new Uint8Array(Buffer.concat([header, riffBody]));
}

/**
 * The asset with `packet` as its XMP, replacing any XMP it had. JPEG, PNG and WebP are edited in place (pixels
 * untouched); TIFF is rewritten by libvips (lossless) with the packet.
 */
export async function embedXmp(bytes: Uint8Array, mediaType: string, packet: string): Promise<Uint8Array> {
  if (mediaType === 'image/jpeg') return embedJpegXmp(bytes, packet);
  if (mediaType === 'image/png') return embedPngXmp(bytes, packet);
  if (mediaType === 'image/webp') return embedWebpXmp(bytes, packet);
  if (mediaType === 'image/tiff')
    return new Uint8Array(
      await sharp(bytes).keepIccProfile().withXmp(packet).tiff({ compression: 'deflate' }).toBuffer(),
    );
  throw new UsageError(`rai-audit cannot write XMP into ${mediaType}`, {
    hint: `mark JPEG, PNG, WebP or TIFF images`,
  });
}
