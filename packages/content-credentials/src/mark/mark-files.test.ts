import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadSigningCredentials } from '../keys/cose-signer.js';
import { createTestCredentials } from '../keys/keygen.js';
import { markFile, type MarkedAssetWriter } from './mark-files.js';

describe('markFile: a write that fails halfway', () => {
  it('leaves neither the output nor its temporary file, and names the output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rai-audit-mark-write-'));
    const input = join(dir, 'in.png');
    writeFileSync(
      input,
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2a6f97' } })
        .png()
        .toBuffer(),
    );
    const made = await createTestCredentials({});
    const credentials = loadSigningCredentials({
      certPem: made.certChainPem,
      certFile: 'cert.pem',
      keyPem: made.keyPem,
      keySource: 'key.pem',
    });
    const out = join(dir, 'out');
    mkdirSync(out);
    let written = 0;
    // Half the bytes reach the disk, then the disk is full.
    const failingHalfway: MarkedAssetWriter = async (path, bytes) => {
      const file = await open(path, 'wx');
      try {
        await file.write(bytes.subarray(0, bytes.length >> 1));
        written = bytes.length >> 1;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      } finally {
        await file.close();
      }
    };
    const options = {
      digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
      claimGenerator: { name: 'rai-audit', version: '0' },
      terms: {},
      credentials,
    };
    const error = (await markFile(input, join(out, 'in.png'), options, undefined, failingHalfway).catch(
      (e: unknown) => e,
    )) as Error & { file?: string };
    expect(written).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/cannot write the marked asset/);
    expect(error.file).toBe(join(out, 'in.png'));
    expect(readdirSync(out)).toEqual([]);
  });
});
