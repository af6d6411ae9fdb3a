import { InputError } from '@rai-audit/core';

// JPEG segments kept when metadata is stripped: APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe colour transform).
// APP1 (EXIF, XMP), APP11 (JUMBF: C2PA), APP13 (IPTC) and comments go; the entropy-coded data is untouched.
const JPEG_KEPT_APP = new Set([0xe0, 0xe2, 0xee]);

/** JPEG without its metadata segments, the compressed image data copied byte for byte (no re-encoding). */
export function stripJpegMetadata(jpeg: Uint8Array): Uint8Array {
  const bytes = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    if (marker === 0xda || marker === 0xd9) break; // start of scan: the rest is entropy-coded data
    const end = offset + 2 + bytes.readUInt16BE(offset + 2);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const drop = (isApp && !JPEG_KEPT_APP.has(marker)) || marker === 0xfe;
    if (!drop) kept.push(bytes.subarray(offset, end));
    offset = end;
  }
  if (offset + 2 > bytes.length)
    throw new InputError('the JPEG ends before its image data', { hint: 'the file is truncated' });
  kept.push(bytes.subarray(offset));
  return new Uint8Array(Buffer.concat(kept));
}

// PNG chunks that carry metadata: text (where XMP lives), EXIF, the C2PA manifest store (caBX) and the time.
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'caBX', 'tIME']);

/** PNG without its metadata chunks; the image chunks copied byte for byte (no re-encoding). */
export function stripPngMetadata(png: Uint8Array): Uint8Array {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length)
      throw new InputError(`the PNG chunk ${type} runs past the end of the file`, {
        hint: 'the file is truncated',
      });
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') break;
  }
  return new Uint8Array(Buffer.concat(kept));
}
