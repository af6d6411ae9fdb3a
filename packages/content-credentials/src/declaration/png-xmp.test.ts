import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPngXmpPackets } from './png-xmp.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KEY = 'XML:com.adobe.xmp';

/** A chunk with a zero CRC: the reader does not check CRCs (a bad CRC does not change what the XMP says). */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}
const text = (keyword: string, value: string): Buffer =>
  chunk('tEXt', Buffer.from(`${keyword}\0${value}`, 'utf8'));
const ztxt = (keyword: string, value: string): Buffer =>
  chunk(
    'zTXt',
    Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), deflateSync(Buffer.from(value, 'utf8'))]),
  );
function itxt(keyword: string, value: string, compressed: boolean): Buffer {
  const body = compressed ? deflateSync(Buffer.from(value, 'utf8')) : Buffer.from(value, 'utf8');
  const header = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, compressed ? 1 : 0, 0])]);
  return chunk('iTXt', Buffer.concat([header, Buffer.from('en\0XMP\0', 'latin1'), body]));
}
const png = (...chunks: Buffer[]): Uint8Array =>
  new Uint8Array(
    Buffer.concat([SIGNATURE, chunk('IHDR', Buffer.alloc(13)), ...chunks, chunk('IEND', Buffer.alloc(0))]),
  );

describe('readPngXmpPackets', () => {
  it('reads XMP from tEXt, zTXt and iTXt (plain and compressed), in file order', () => {
    const packets = readPngXmpPackets(
      png(
        text(KEY, 'plain é'),
        ztxt(KEY, 'zipped'),
        itxt(KEY, 'intl ü', false),
        itxt(KEY, 'intl zipped', true),
      ),
    );
    expect(packets).toEqual([
      { where: 'png tEXt XML:com.adobe.xmp', text: 'plain é' },
      { where: 'png zTXt XML:com.adobe.xmp', text: 'zipped' },
      { where: 'png iTXt XML:com.adobe.xmp', text: 'intl ü' },
      { where: 'png iTXt XML:com.adobe.xmp', text: 'intl zipped' },
    ]);
  });

  it('ignores text chunks with other keywords, and chunks after IEND', () => {
    const afterEnd = Buffer.concat([Buffer.from(png(text('Comment', 'x'))), text(KEY, 'after IEND')]);
    expect(readPngXmpPackets(new Uint8Array(afterEnd))).toEqual([]);
  });

  it('skips a damaged compressed chunk and keeps reading', () => {
    const damaged = chunk(
      'zTXt',
      Buffer.concat([Buffer.from(`${KEY}\0\0`, 'latin1'), Buffer.from('not zlib')]),
    );
    expect(readPngXmpPackets(png(damaged, text(KEY, 'still here'))).map((p) => p.text)).toEqual([
      'still here',
    ]);
  });

  it('stops at a chunk whose length runs past the end, keeping what came before', () => {
    const whole = Buffer.from(png(text(KEY, 'first'), text(KEY, 'second chunk is cut')));
    const cut = whole.subarray(0, whole.length - 20);
    expect(readPngXmpPackets(new Uint8Array(cut)).map((p) => p.text)).toEqual(['first']);
  });

  it('returns nothing for bytes that are not a PNG, or an iTXt without its terminators', () => {
    expect(readPngXmpPackets(new Uint8Array([1, 2, 3]))).toEqual([]);
    const broken = chunk('iTXt', Buffer.from(`${KEY}\0\0\0en`, 'latin1'));
    expect(readPngXmpPackets(png(broken))).toEqual([]);
  });
});
