import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, SHARED_ABSENT, sharedPath } from '../../../../tests/shared-fixtures.js';
import { detectMediaType } from './media-type.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  );
const uint32 = (value: number): number[] => [
  value >>> 24,
  (value >>> 16) & 255,
  (value >>> 8) & 255,
  value & 255,
];
const ftyp = (major: string, ...compatible: string[]): Uint8Array =>
  bytes(uint32(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], ...compatible, uint32(8), 'mdat');

describe('detectMediaType from headers built in the test', () => {
  it.each([
    ['TIFF little-endian', bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'image/tiff'],
    ['TIFF big-endian', bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'image/tiff'],
    ['FLAC', bytes('fLaC', [0, 0, 0, 34]), 'audio/flac'],
    ['MP3 with an ID3 tag', bytes('ID3', [4, 0, 0, 0, 0, 0, 0]), 'audio/mpeg'],
    ['MP3 frame header (MPEG-1 layer III, 128 kbit/s)', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['AVIF', ftyp('avif', 'mif1', 'miaf'), 'image/avif'],
    ['HEIC', ftyp('heic', 'mif1', 'heic'), 'image/heic'],
    ['HEIF with a HEVC brand only among the compatible ones', ftyp('mif1', 'heic'), 'image/heic'],
    ['AVIF behind a generic mif1 major brand', ftyp('mif1', 'avif'), 'image/avif'],
    ['M4A', ftyp('M4A ', 'isom'), 'audio/mp4'],
    ['QuickTime MOV', ftyp('qt  ', 'qt  '), 'video/quicktime'],
    ['MP4', ftyp('isom', 'iso2', 'mp41'), 'video/mp4'],
    ['old QuickTime without ftyp', bytes(uint32(8), 'wide', uint32(8), 'mdat'), 'video/quicktime'],
    ['WAV', bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ['WebP', bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['PDF after leading garbage', bytes('\n\n%PDF-1.7\n'), 'application/pdf'],
    ['SVG without an XML declaration', bytes('  <svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
    ['SVG with a comment and a prefixed root', bytes('<!-- x --><svg:svg xmlns:svg="…">'), 'image/svg+xml'],
  ])('%s', (_name, header, expected) => {
    expect(detectMediaType(header)).toBe(expected);
  });

  it.each([
    ['zero bytes', new Uint8Array(0)],
    ['1 KB of zeros', new Uint8Array(1024)],
    ['junk', bytes('this is not a media file at all')],
    ['HTML', bytes('<!DOCTYPE html><html><body><svg></svg></body></html>')],
    ['XML that is not SVG', bytes('<?xml version="1.0"?><svgx/>')],
    ['an AVI (not read here)', bytes('RIFF', [36, 0, 0, 0], 'AVI LIST')],
    ['AAC ADTS (layer bits 00, not MP3)', bytes([0xff, 0xf1, 0x50, 0x80])],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e, 0x47])],
  ])('%s is not a supported type', (_name, header) => {
    expect(detectMediaType(header)).toBeUndefined();
  });

  it('detects by content, whatever the extension would have said (a JPEG header)', () => {
    expect(detectMediaType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });
});

describe.skipIf(!hasShared('fixtures', 'assets'))(
  'detectMediaType on fixture formats ' + SHARED_ABSENT,
  () => {
    it.each([
      ['C.jpg', 'image/jpeg'],
      ['gen_ai_sample1.png', 'image/png'],
      ['gen_ai_sample1.webp', 'image/webp'],
      ['gen_ai_sample1.heic', 'image/heic'],
      ['gen_ai_sample1.gif', 'image/gif'],
      ['gen_ai_sample1.svg', 'image/svg+xml'],
      ['gen_ai_sample1.wav', 'audio/wav'],
      ['gen_ai_basic.pdf', 'application/pdf'],
      ['video1.mp4', 'video/mp4'],
    ])('%s is %s', (name, expected) => {
      expect(detectMediaType(new Uint8Array(readFileSync(sharedPath('fixtures', 'assets', name))))).toBe(
        expected,
      );
    });
  },
);
