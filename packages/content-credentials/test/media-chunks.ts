import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';

/** Generated media: a file name and the bytes, for the evidence reader. */
export interface MediaCase {
  name: string;
  bytes: Uint8Array;
}

const XMP_NS = 'http://ns.adobe.com/xap/1.0/\0';
const AI_XMP =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" Iptc4xmpExt:DigitalSourceType=' +
  '"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"/></rdf:RDF></x:xmpmeta>';

const u32be = (n: number) => Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const u32le = (n: number) => Buffer.from([n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255]);
const u16be = (n: number) => Buffer.from([(n >>> 8) & 255, n & 255]);

/** Payload bytes: random, XMP (valid, broken, huge), zlib streams (valid, garbage, a bomb of zeros). */
const payload = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  fc.constantFrom(
    Buffer.from(AI_XMP),
    Buffer.from(AI_XMP.slice(0, 90)),
    Buffer.from('<x:xmpmeta><<<&&&;</x:xmpmeta>'),
    Buffer.from(`<!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;">]><x>&b;</x>`),
    deflateSync(Buffer.from(AI_XMP)),
    // Decompression-bomb-like: 8 MiB of zeros in about 8 KB.
    deflateSync(Buffer.alloc(8 * 1024 * 1024)),
    Buffer.from([0x78, 0x9c, 0xff, 0xff, 0xff]),
  ),
);

/** The length a chunk declares: usually the real one, sometimes a lie. */
const lie = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff, 65535) },
);

const pngChunk = fc
  .tuple(
    fc.constantFrom('IHDR', 'iTXt', 'zTXt', 'tEXt', 'caBX', 'IDAT', 'eXIf', 'IEND', 'zzZZ'),
    payload,
    lie,
    fc.boolean(),
    fc.nat({ max: 1 << 20 }),
    fc.nat({ max: 1 << 20 }),
  )
  .map(([type, data, declared, goodCrc, width, height]) => {
    let body: Buffer = data;
    if (type === 'IHDR') body = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 2, 0, 0, 0])]);
    if (type === 'iTXt') body = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0'), data]);
    if (type === 'zTXt') body = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0'), data]);
    const head = Buffer.concat([u32be(declared ?? body.length), Buffer.from(type, 'latin1')]);
    const crc = goodCrc ? crc32(Buffer.concat([Buffer.from(type, 'latin1'), body])) : 0xdeadbeef;
    return Buffer.concat([head, body, u32be(crc)]);
  });

const jpegSegment = fc
  .tuple(
    fc.constantFrom(0xe1, 0xeb, 0xc0, 0xdb, 0xda, 0xfe, 0xe0, 0xd9),
    payload,
    lie,
    fc.nat({ max: 65535 }),
    fc.nat({ max: 65535 }),
  )
  .map(([marker, data, declared, width, height]) => {
    let body: Buffer = data;
    if (marker === 0xe1) body = Buffer.concat([Buffer.from(XMP_NS, 'latin1'), data]);
    if (marker === 0xeb) body = Buffer.concat([Buffer.from('JP'), u16be(0), u32be(1), data]);
    if (marker === 0xc0)
      body = Buffer.concat([
        Buffer.from([8]),
        u16be(height),
        u16be(width),
        Buffer.from([3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]),
      ]);
    if (marker === 0xd9) return Buffer.from([0xff, 0xd9]);
    const length = declared === undefined ? body.length + 2 : declared & 0xffff;
    return Buffer.concat([Buffer.from([0xff, marker]), u16be(length), body.subarray(0, 65533)]);
  });

const webpChunk = fc
  .tuple(
    fc.constantFrom('VP8X', 'XMP ', 'C2PA', 'VP8L', 'VP8 ', 'EXIF', 'ALPH'),
    payload,
    lie,
    fc.nat({ max: 1 << 24 }),
    fc.nat({ max: 1 << 24 }),
  )
  .map(([type, data, declared, width, height]) => {
    let body: Buffer = data;
    if (type === 'VP8X') {
      const w = Math.max(0, width - 1);
      const h = Math.max(0, height - 1);
      body = Buffer.from([
        0x3c,
        0,
        0,
        0,
        w & 255,
        (w >> 8) & 255,
        (w >> 16) & 255,
        h & 255,
        (h >> 8) & 255,
        (h >> 16) & 255,
      ]);
    }
    const padding = body.length % 2 ? Buffer.from([0]) : Buffer.alloc(0);
    return Buffer.concat([Buffer.from(type, 'latin1'), u32le(declared ?? body.length), body, padding]);
  });

/** Cuts the file short sometimes, as a failed download would. */
const cut = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat() });
const truncated = (bytes: Buffer, at: number | undefined) =>
  at === undefined ? bytes : bytes.subarray(0, 8 + (at % Math.max(1, bytes.length - 7)));

export const mediaCase = {
  png: fc.tuple(fc.array(pngChunk, { maxLength: 8 }), cut).map(([chunks, at]): MediaCase => ({
    name: 'fuzz.png',
    bytes: truncated(
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]),
      at,
    ),
  })),
  jpeg: fc.tuple(fc.array(jpegSegment, { maxLength: 8 }), cut).map(([segments, at]): MediaCase => ({
    name: 'fuzz.jpg',
    bytes: truncated(Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments]), at),
  })),
  webp: fc.tuple(fc.array(webpChunk, { maxLength: 6 }), lie, cut).map(([chunks, declared, at]): MediaCase => {
    const body = Buffer.concat([Buffer.from('WEBP'), ...chunks]);
    return {
      name: 'fuzz.webp',
      bytes: truncated(Buffer.concat([Buffer.from('RIFF'), u32le(declared ?? body.length), body]), at),
    };
  }),
};
