import { decodeXmpText, type XmpPacket } from './xmp-packet-sources.js';

function fourCc(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

function readUint32LittleEndian(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>>
    0
  );
}

/**
 * XMP packets of a WebP file: RIFF chunks named `XMP ` (extended format, VP8X). Chunks are walked within the
 * RIFF size; odd-sized chunks are padded to even length as RIFF requires; a truncated chunk ends the walk.
 */
export function readWebpXmpPackets(bytes: Uint8Array): XmpPacket[] {
  if (bytes.length < 12 || fourCc(bytes, 0) !== 'RIFF' || fourCc(bytes, 8) !== 'WEBP') return [];
  const end = Math.min(bytes.length, 8 + readUint32LittleEndian(bytes, 4));
  const packets: XmpPacket[] = [];
  for (let offset = 12; offset + 8 <= end;) {
    const size = readUint32LittleEndian(bytes, offset + 4);
    const dataStart = offset + 8;
    if (dataStart + size > end) break;
    if (fourCc(bytes, offset) === 'XMP ') {
      packets.push({
        where: 'webp XMP chunk',
        text: decodeXmpText(bytes.subarray(dataStart, dataStart + size)),
      });
    }
    offset = dataStart + size + (size % 2);
  }
  return packets;
}
