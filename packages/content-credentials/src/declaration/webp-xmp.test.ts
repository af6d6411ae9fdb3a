import { describe, expect, it } from 'vitest';
import { readWebpXmpPackets } from './webp-xmp.js';

function chunk(fourCc: string, data: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  return Buffer.concat([Buffer.from(fourCc, 'latin1'), size, data, Buffer.alloc(data.length % 2)]);
}
function webp(...chunks: Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]);
}

describe('readWebpXmpPackets', () => {
  it('finds the XMP chunk after odd-sized chunks (RIFF pads them to even length)', () => {
    const file = webp(
      chunk('VP8X', Buffer.alloc(10)),
      chunk('ICCP', Buffer.alloc(7, 1)),
      chunk('XMP ', Buffer.from('<x:xmpmeta ü/>')),
    );
    expect(readWebpXmpPackets(new Uint8Array(file))).toEqual([
      { where: 'webp XMP chunk', text: '<x:xmpmeta ü/>' },
    ]);
  });

  it('ignores a chunk named like XMP but with other case, and anything past the RIFF size', () => {
    const file = webp(chunk('xmp ', Buffer.from('lower case')));
    const trailing = Buffer.concat([file, chunk('XMP ', Buffer.from('after the RIFF'))]);
    expect(readWebpXmpPackets(new Uint8Array(trailing))).toEqual([]);
  });

  it('stops at a truncated chunk, and returns nothing for a RIFF that is not WebP', () => {
    const file = webp(chunk('VP8X', Buffer.alloc(10)), chunk('XMP ', Buffer.from('cut off here')));
    expect(readWebpXmpPackets(new Uint8Array(file.subarray(0, file.length - 4)))).toEqual([]);
    const wave = Buffer.from(webp(chunk('XMP ', Buffer.from('x'))));
    wave.write('WAVE', 8, 'latin1');
    expect(readWebpXmpPackets(new Uint8Array(wave))).toEqual([]);
  });
});
