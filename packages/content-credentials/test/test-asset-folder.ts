import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { ResolvedPolicy } from '@rai-audit/core';
import {
  appendPngTextChunk,
  loadTestSigner,
  makeTestImage,
  signTestAsset,
} from '../bench/signed-test-assets.mjs';

const CAPTURE = 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture';

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(data.length, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  return chunk;
}

/** A tiny PNG whose header claims `width`×`height` RGB pixels: a decompression bomb's header. */
export function pngClaimingSize(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = pngChunk('IDAT', deflateSync(Buffer.alloc(1024)));
  return Buffer.concat([signature, pngChunk('IHDR', header), idat, pngChunk('IEND', new Uint8Array(0))]);
}

/** The policy of the test folder: generated/ must be trusted and labelled, photos/ signed by us and not labelled. */
export const TEST_FOLDER_POLICY: ResolvedPolicy = {
  failOn: 'error',
  checks: {},
  trust: [],
  bias: {},
  assets: [
    { glob: 'generated/**', requirements: { c2pa: 'trusted', 'ai-declaration': 'required' } },
    {
      glob: 'photos/**',
      requirements: { c2pa: 'valid', signer: ['rai-audit tests'], 'ai-declaration': 'forbidden' },
    },
    { glob: '**/*.png', requirements: { watermark: 'any-known' } },
  ],
};

/**
 * Writes a folder of assets signed by the project's test CA, plus every kind of bad input: generated/ (good PNG and
 * JPEG, a tampered PNG, an unsigned PNG), photos/ (a signed camera photo), bad/ (truncated, corrupt, mislabelled,
 * empty, a decompression bomb, a text file, a symlink loop and a self-referencing link) and a hidden file.
 */
export async function writeTestAssetFolder(dir: string): Promise<void> {
  for (const folder of ['generated', 'photos', 'bad']) mkdirSync(join(dir, folder), { recursive: true });
  const png = await signTestAsset(await makeTestImage({ width: 320, height: 256 }), { format: 'image/png' });
  const jpeg = await makeTestImage({ width: 320, height: 256, format: 'jpeg', seed: 2 });
  const write = (path: string, bytes: Uint8Array | string): void => writeFileSync(join(dir, path), bytes);
  write('generated/good.png', png);
  write('generated/good.jpg', await signTestAsset(jpeg, { format: 'image/jpeg' }));
  write('generated/tampered.png', appendPngTextChunk(png));
  write('generated/unsigned.png', await makeTestImage({ width: 300, height: 240, seed: 3 }));
  write('photos/photo.jpg', await signTestAsset(jpeg, { format: 'image/jpeg', digitalSourceType: CAPTURE }));
  write('bad/truncated.png', png.subarray(0, Math.floor(png.length / 2)));
  write('bad/corrupt.png', Buffer.concat([png.subarray(0, 8), Buffer.alloc(4000, 0x5a)]));
  write('bad/mislabelled.jpg', png);
  write('bad/empty.png', new Uint8Array(0));
  write('bad/bomb.png', pngClaimingSize(100_000, 100_000));
  write('bad/notes.txt', 'not an asset\n');
  write('.hidden.png', png);
  symlinkSync('.', join(dir, 'bad', 'loop'));
  symlinkSync('self', join(dir, 'bad', 'self'));
}

/** PEM text of the test root CA, for `trustAnchorsPem`. */
export function testTrustAnchors(): string {
  return loadTestSigner().rootPem;
}
