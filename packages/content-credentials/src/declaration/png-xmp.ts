import { inflateSync } from 'node:zlib';
import { decodeXmpText, MAX_INFLATED_XMP_BYTES, type XmpPacket } from './xmp-packet-sources.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const XMP_KEYWORD = 'XML:com.adobe.xmp';

function readUint32BigEndian(bytes: Uint8Array, offset: number): number {
  return (
    ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>>
    0
  );
}

function latin1(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
}

function inflate(data: Uint8Array): Uint8Array {
  return inflateSync(data, { maxOutputLength: MAX_INFLATED_XMP_BYTES });
}

/** The text of a tEXt, zTXt or iTXt chunk whose keyword is the XMP one; undefined for any other chunk. */
function readTextChunk(type: string, data: Uint8Array): Uint8Array | undefined {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 0 || latin1(data.subarray(0, keywordEnd)) !== XMP_KEYWORD) return undefined;
  if (type === 'tEXt') return data.subarray(keywordEnd + 1);
  if (type === 'zTXt') return inflate(data.subarray(keywordEnd + 2)); // + compression method byte (0 = zlib)
  // iTXt: keyword\0 flag method language\0 translated-keyword\0 text
  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return undefined;
  const text = data.subarray(translatedEnd + 1);
  return compressed ? inflate(text) : text;
}

/**
 * XMP packets of a PNG: `tEXt`, `zTXt` and `iTXt` chunks with the keyword `XML:com.adobe.xmp` (the standard
 * place is iTXt; several writers use tEXt or zTXt). Walks the chunks up to IEND or the end of the data; a
 * truncated chunk ends the walk, and a chunk that does not inflate is skipped.
 */
export function readPngXmpPackets(bytes: Uint8Array): XmpPacket[] {
  if (!PNG_SIGNATURE.every((value, index) => bytes[index] === value)) return [];
  const packets: XmpPacket[] = [];
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = readUint32BigEndian(bytes, offset);
    const type = latin1(bytes.subarray(offset + 4, offset + 8));
    const dataStart = offset + 8;
    if (type === 'IEND' || dataStart + length > bytes.length) break;
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      try {
        const text = readTextChunk(type, bytes.subarray(dataStart, dataStart + length));
        if (text) packets.push({ where: `png ${type} ${XMP_KEYWORD}`, text: decodeXmpText(text) });
      } catch {
        // A damaged compressed chunk: the other chunks may still carry a readable packet.
      }
    }
    offset = dataStart + length + 4; // + CRC
  }
  return packets;
}
