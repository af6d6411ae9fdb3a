import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError, type AssetResult, type Check } from '@rai-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_FOLDER_POLICY, testTrustAnchors, writeTestAssetFolder } from '../../test/test-asset-folder.js';
import { verifyAssets, type VerifyAssetsOutcome, type VerifyAssetsRequest } from './verify-assets.js';

const dir = mkdtempSync(join(tmpdir(), 'rai-audit-verify-'));

function request(overrides: Partial<VerifyAssetsRequest> = {}): VerifyAssetsRequest {
  return {
    inputs: [dir],
    cwd: dir,
    policy: TEST_FOLDER_POLICY,
    trustAnchorsPem: testTrustAnchors(),
    at: new Date('2026-06-01T00:00:00Z'),
    workers: 0,
    timeoutMs: 30_000,
    maxPixels: 64_000_000,
    ...overrides,
  };
}

function asset(outcome: VerifyAssetsOutcome, path: string): AssetResult {
  const found = outcome.section.assets.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no result for ${path}`);
  return found;
}

function checksOf(outcome: VerifyAssetsOutcome, path: string): Array<[string, Check['status']]> {
  return outcome.checks
    .filter((check) => check.subject.file === path)
    .map((check) => [check.id, check.status]);
}

describe('verifyAssets on a folder signed by the test CA, with every kind of bad input', () => {
  let inProcess: VerifyAssetsOutcome;
  const progress: Array<[number, number]> = [];

  beforeAll(async () => {
    await writeTestAssetFolder(dir);
    inProcess = await verifyAssets(request({ onProgress: (done, total) => progress.push([done, total]) }));
  });

  it('lists every asset sorted by path, skipping hidden files, and reports progress once per asset', () => {
    expect(inProcess.section.assets.map((result) => result.path)).toEqual([
      'bad/bomb.png',
      'bad/corrupt.png',
      'bad/empty.png',
      'bad/loop',
      'bad/mislabelled.jpg',
      'bad/notes.txt',
      'bad/self',
      'bad/truncated.png',
      'generated/good.jpg',
      'generated/good.png',
      'generated/tampered.png',
      'generated/unsigned.png',
      'photos/photo.jpg',
    ]);
    expect(progress[0]).toEqual([0, 11]);
    expect(progress.at(-1)).toEqual([11, 11]); // the 2 link errors found by the walker are not read
  });

  it('turns each bad input into an error result with its reason, and verifies the others', () => {
    const reasons = inProcess.section.assets.map((result) => [
      result.path,
      result.status,
      result.error?.reason,
    ]);
    expect(reasons).toEqual([
      ['bad/bomb.png', 'error', 'too-large'],
      ['bad/corrupt.png', 'error', 'corrupt'],
      ['bad/empty.png', 'error', 'empty'],
      ['bad/loop', 'error', 'symlink-loop'],
      ['bad/mislabelled.jpg', 'error', 'mislabelled'],
      ['bad/notes.txt', 'error', 'unsupported-type'],
      ['bad/self', 'error', 'symlink-loop'],
      ['bad/truncated.png', 'error', 'corrupt'],
      ['generated/good.jpg', 'verified', undefined],
      ['generated/good.png', 'verified', undefined],
      ['generated/tampered.png', 'verified', undefined],
      ['generated/unsigned.png', 'verified', undefined],
      ['photos/photo.jpg', 'verified', undefined],
    ]);
    expect(asset(inProcess, 'bad/bomb.png').error?.message).toMatch(
      /100000×100000 .* above the limit of 64,000,000/,
    );
    expect(asset(inProcess, 'bad/mislabelled.jpg').error?.message).toMatch(
      /content is image\/png but the name ends in \.jpg/,
    );
    // A mislabelled file is still read by its content: its manifest validates.
    expect(asset(inProcess, 'bad/mislabelled.jpg').c2pa?.state).toBe('Trusted');
  });

  it('gathers the evidence of a good asset: hash, type, C2PA, declaration, watermark and thumbnail', () => {
    const good = asset(inProcess, 'generated/good.png');
    expect(good).toMatchObject({
      mediaType: 'image/png',
      c2pa: {
        outcome: 'manifest',
        embedded: true,
        state: 'Trusted',
        signer: { commonName: 'rai-audit Test Signer', issuer: 'rai-audit tests' },
        claimGenerator: 'rai-audit test assets',
        actions: ['c2pa.created'],
        ingredients: 0,
      },
      declaration: { verdict: 'ai-generated', conflicts: [] },
      watermark: { status: 'not found' },
      rules: ['generated/**', '**/*.png'],
    });
    expect(good.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(good.thumbnail).toMatch(/^data:image\/webp;base64,/);
    expect(asset(inProcess, 'photos/photo.jpg').declaration?.verdict).toBe('not-declared');
  });

  it('evaluates one check per requirement, plus readable and covered where they do not pass', () => {
    expect(checksOf(inProcess, 'generated/good.png')).toEqual([
      ['c2pa.manifest', 'pass'],
      ['assets.ai-declaration', 'pass'],
      ['assets.watermark', 'fail'],
    ]);
    expect(checksOf(inProcess, 'generated/tampered.png').slice(0, 2)).toEqual([
      ['c2pa.manifest', 'fail'],
      ['assets.ai-declaration', 'pass'],
    ]);
    expect(checksOf(inProcess, 'generated/unsigned.png').slice(0, 2)).toEqual([
      ['c2pa.manifest', 'fail'],
      ['assets.ai-declaration', 'fail'],
    ]);
    expect(checksOf(inProcess, 'generated/good.jpg')).toEqual([
      ['c2pa.manifest', 'pass'],
      ['assets.ai-declaration', 'pass'],
    ]);
    expect(checksOf(inProcess, 'photos/photo.jpg')).toEqual([
      ['c2pa.manifest', 'pass'],
      ['c2pa.signer', 'pass'],
      ['assets.ai-declaration', 'pass'],
    ]);
    expect(checksOf(inProcess, 'bad/notes.txt')).toEqual([
      ['assets.readable', 'fail'],
      ['assets.covered', 'warn'],
    ]);
    expect(checksOf(inProcess, 'bad/bomb.png')).toEqual([
      ['assets.readable', 'fail'],
      ['assets.watermark', 'error'],
    ]);
  });

  it('quotes the status codes in the evidence and gives a specific remediation', () => {
    const tampered = inProcess.checks.find(
      (check) => check.id === 'c2pa.manifest' && check.subject.file === 'generated/tampered.png',
    );
    expect(tampered?.message).toBe('C2PA manifest Invalid: assertion.dataHash.mismatch');
    expect(tampered?.evidence).toMatch(/state Invalid; failure codes: assertion\.dataHash\.mismatch \(/);
    expect(tampered?.remediation).toMatch(/changed after it was signed.*c2patool/);
  });

  it('gives the same results from a pool of real worker threads, whatever order they finish in', async () => {
    const pooled = await verifyAssets(request({ workers: 2 }));
    expect(pooled.section.assets).toEqual(inProcess.section.assets);
    expect(pooled.checks).toEqual(inProcess.checks);
    expect(pooled.section.settings.workers).toBe(2);
  });

  it('warns about rules that match nothing and applies the levels set in checks:', async () => {
    const policy = {
      ...TEST_FOLDER_POLICY,
      checks: { 'assets.watermark': { level: 'off' as const, options: {} } },
      assets: [
        ...TEST_FOLDER_POLICY.assets,
        { glob: 'archive/**', requirements: { c2pa: 'present' as const } },
      ],
    };
    const outcome = await verifyAssets(
      request({ inputs: [join(dir, 'generated')], policy, thumbnailSize: 0 }),
    );
    expect(outcome.checks.some((check) => check.id === 'assets.watermark')).toBe(false);
    expect(outcome.warnings.map((warning) => warning.code)).toEqual([
      'assets.rule-unused',
      'assets.rule-unused',
      'assets.rule-unused',
    ]);
  });
});

describe('verifyAssets on unreadable files', () => {
  it('reports a read failure (EACCES) as an error result for that asset only', async () => {
    const local = mkdtempSync(join(tmpdir(), 'rai-audit-unreadable-'));
    writeFileSync(join(local, 'a.txt'), 'x');
    writeFileSync(join(local, 'b.txt'), 'y');
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const outcome = await verifyAssets(
      request({
        inputs: [local],
        cwd: local,
        policy: { failOn: 'error', checks: {}, assets: [], trust: [], bias: {} },
        reader: async (path) => {
          if (typeof path === 'string' && path.endsWith('a.txt')) throw denied;
          return new Uint8Array(Buffer.from('plain text'));
        },
      }),
    );
    expect(
      outcome.section.assets.map((result) => [result.path, result.error?.reason, result.error?.message]),
    ).toEqual([
      ['a.txt', 'unreadable', 'cannot read the file (EACCES)'],
      ['b.txt', 'unsupported-type', 'not a media type the C2PA reader knows (detected by content)'],
    ]);
    // Nothing derived from the content of a file that is not media reaches the report.
    expect(outcome.section.assets[1]?.sha256).toBeUndefined();
    expect(JSON.stringify(outcome)).not.toMatch(/plain|706c61696e/);
  });

  // chmod 000 blocks reads for an ordinary user; root (as in this container) reads the file anyway.
  const isRoot = process.getuid?.() === 0;
  it(`a chmod 000 file is ${isRoot ? 'still read, since the tests run as root' : 'an unreadable error result'}`, async () => {
    const local = mkdtempSync(join(tmpdir(), 'rai-audit-chmod-'));
    writeFileSync(join(local, 'locked.txt'), 'locked');
    chmodSync(join(local, 'locked.txt'), 0o000);
    const outcome = await verifyAssets(
      request({
        inputs: [local],
        cwd: local,
        policy: { failOn: 'error', checks: {}, assets: [], trust: [], bias: {} },
      }),
    );
    expect(outcome.section.assets[0]?.error?.reason).toBe(isRoot ? 'unsupported-type' : 'unreadable');
  });
});

describe('verifyAssets usage errors', () => {
  it('refuses a watermark payload that could never be detected, naming where it came from', async () => {
    await expect(verifyAssets(request({ watermarkPayloads: ['ff'] }))).rejects.toThrow(UsageError);
    await expect(verifyAssets(request({ watermarkPayloads: ['ff'] }))).rejects.toMatchObject({
      location: '--watermark-payload',
    });
    const policy = { ...TEST_FOLDER_POLICY, assets: [{ glob: '**', requirements: { watermark: ['0f'] } }] };
    await expect(verifyAssets(request({ policy }))).rejects.toMatchObject({
      location: 'assets["**"].watermark',
    });
  });

  it('fails with an input error when there is nothing to verify', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'rai-audit-empty-'));
    await expect(verifyAssets(request({ inputs: [empty], cwd: empty }))).rejects.toThrow(
      /no asset to verify/,
    );
    await expect(verifyAssets(request({ inputs: ['missing/'], cwd: empty }))).rejects.toThrow(
      /cannot read the asset path/,
    );
  });
});
