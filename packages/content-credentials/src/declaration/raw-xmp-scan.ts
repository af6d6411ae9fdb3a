import { decodeXmpText, type XmpPacket } from './xmp-packet-sources.js';

const PACKET_BOUNDS = [
  { open: '<x:xmpmeta', close: '</x:xmpmeta>' },
  { open: '<rdf:RDF', close: '</rdf:RDF>' },
] as const;
/** Stop after this many packets: a file stuffed with packets should not make the scan quadratic. */
const MAX_PACKETS = 64;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * XMP packets found by scanning the bytes for `<x:xmpmeta …</x:xmpmeta>` (or a bare `<rdf:RDF …</rdf:RDF>`
 * when there is none). For containers without a dedicated reader here (HEIF/AVIF, GIF, SVG, PDF, MP4, audio),
 * which store XMP uncompressed; a packet in a compressed PDF stream is not seen.
 */
export function scanRawXmpPackets(bytes: Uint8Array): XmpPacket[] {
  const buffer = asBuffer(bytes);
  for (const { open, close } of PACKET_BOUNDS) {
    const packets: XmpPacket[] = [];
    for (let start = buffer.indexOf(open); start >= 0 && packets.length < MAX_PACKETS;) {
      const end = buffer.indexOf(close, start + open.length);
      if (end < 0) break;
      packets.push({ where: 'raw scan', text: decodeXmpText(buffer.subarray(start, end + close.length)) });
      start = buffer.indexOf(open, end + close.length);
    }
    if (packets.length > 0) return packets;
  }
  return [];
}
