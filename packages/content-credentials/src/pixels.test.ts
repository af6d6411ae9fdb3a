import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { InputError } from '@rai-audit/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImagePixels } from './pixels.js';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny PNG whose header claims 100000×100000 pixels: a decompression bomb as far as the header goes. */
function bombPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header[8] = 8;
  header[9] = 2;
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  const idat = pngChunk('IDAT', deflateSync(Buffer.alloc(1000)));
  return Buffer.concat([signature, pngChunk('IHDR', header), idat, pngChunk('IEND', Buffer.alloc(0))]);
}

async function inputErrorOf(attempt: Promise<unknown>): Promise<InputError> {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('readImagePixels (sharp adapter)', () => {
  let dir = '';
  let rgbaPng: Buffer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rai-pixels-'));
    rgbaPng = await sharp({
      create: { width: 64, height: 48, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('decodes to 8-bit RGB as stored, dropping alpha without compositing', async () => {
    const pixels = await readImagePixels(rgbaPng);
    expect([pixels.width, pixels.height, pixels.channels]).toEqual([64, 48, 3]);
    expect(Array.from(pixels.data.subarray(0, 6))).toEqual([10, 20, 30, 10, 20, 30]);
  });

  it('refuses an image above the pixel limit before decoding it, naming file, size and limit', async () => {
    const file = join(dir, 'bomb.png');
    await writeFile(file, bombPng());
    const error = await inputErrorOf(readImagePixels(file));
    expect(error.file).toBe(file);
    expect(error.message).toBe(
      'image is 100000×100000 (10,000,000,000 pixels), above the limit of 64,000,000 pixels',
    );
    const small = await inputErrorOf(readImagePixels(rgbaPng, { maxPixels: 1000, name: 'thumb.png' }));
    expect(small.describe()).toMatch(
      /^thumb\.png: header: image is 64×48 \(3,072 pixels\), above the limit of 1,000 pixels/,
    );
  });

  it('reports empty, non-image and truncated files as input errors', async () => {
    const empty = join(dir, 'empty.png');
    const text = join(dir, 'notes.png');
    const truncated = join(dir, 'truncated.png');
    const noisy = await sharp(
      Buffer.from(Array.from({ length: 128 * 128 * 3 }, (_, i) => (i * 7919) % 251)),
      {
        raw: { width: 128, height: 128, channels: 3 },
      },
    )
      .png({ compressionLevel: 0 })
      .toBuffer();
    await writeFile(empty, '');
    await writeFile(text, 'not an image at all');
    await writeFile(truncated, noisy.subarray(0, noisy.length / 2));
    expect((await inputErrorOf(readImagePixels(empty))).message).toBe('the file is empty (0 bytes)');
    expect((await inputErrorOf(readImagePixels(text))).message).toMatch(
      /^not a decodable image: .*unsupported image format/,
    );
    const cut = await inputErrorOf(readImagePixels(truncated));
    expect(cut.message).toMatch(/^corrupt or truncated image: /);
    expect(cut.file).toBe(truncated);
  });

  it('reports missing paths, directories and symlink loops without decoding', async () => {
    const loop = join(dir, 'loop.png');
    await symlink(loop, loop);
    await mkdir(join(dir, 'folder.png'));
    expect((await inputErrorOf(readImagePixels(join(dir, 'absent.png')))).message).toBe(
      'cannot read the file (ENOENT)',
    );
    expect((await inputErrorOf(readImagePixels(loop))).message).toBe('cannot read the file (ELOOP)');
    expect((await inputErrorOf(readImagePixels(join(dir, 'folder.png')))).message).toBe('not a regular file');
  });
});
