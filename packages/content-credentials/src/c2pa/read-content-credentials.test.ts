import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasShared, SHARED_ABSENT, sharedPath } from '../../../../tests/shared-fixtures.js';
import type { ContentCredentialsEvidence } from './evidence.js';
import { readContentCredentials } from './read-content-credentials.js';

const asset = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(sharedPath('fixtures', 'assets', name)));
const trustAnchors = (): string =>
  ['c2pa-rs-test-root-bundle.pem', 'fixture-test-root-ca.pem']
    .map((name) => readFileSync(sharedPath('fixtures', 'assets', 'trust', name), 'utf8'))
    .join('\n');

function failureCodes(evidence: ContentCredentialsEvidence): string[] {
  if (evidence.outcome !== 'manifest') throw new Error(`expected a manifest, got ${evidence.outcome}`);
  return evidence.validation.activeManifest.failure.map((entry) => entry.code);
}

async function plainJpeg(): Promise<Uint8Array> {
  const image = sharp({ create: { width: 32, height: 32, channels: 3, background: '#336699' } });
  return new Uint8Array(await image.jpeg().toBuffer());
}

describe('readContentCredentials on bad input (never throws)', () => {
  it('reports an empty asset', async () => {
    const evidence = await readContentCredentials(new Uint8Array(0), { mimeType: 'image/jpeg' });
    expect(evidence).toMatchObject({ outcome: 'error', errorKind: 'empty' });
  });

  it('reports no manifest for a JPEG without one (JumbfNotFound is not an error)', async () => {
    const evidence = await readContentCredentials(await plainJpeg(), { mimeType: 'image/jpeg' });
    expect(evidence).toMatchObject({ outcome: 'no-manifest', mediaType: 'image/jpeg' });
  });

  it('reports junk bytes as an unsupported type', async () => {
    const evidence = await readContentCredentials(new Uint8Array(1000).fill(7), { mimeType: 'image/jpeg' });
    expect(evidence).toMatchObject({ outcome: 'error', errorKind: 'unsupported-type' });
  });

  it('reports a truncated JPEG as corrupt, with the library message kept', async () => {
    const jpeg = await plainJpeg();
    const evidence = await readContentCredentials(jpeg.subarray(0, 40), { mimeType: 'image/jpeg' });
    expect(evidence).toMatchObject({ outcome: 'error', errorKind: 'corrupt' });
    expect(evidence.outcome === 'error' && evidence.libraryMessage).toMatch(/InvalidAsset/);
  });

  it('reports trust anchors the reader rejects, and an invalid time, as bad settings', async () => {
    const jpeg = await plainJpeg();
    const badPem = await readContentCredentials(jpeg, { mimeType: 'image/jpeg', trustAnchorsPem: 'garbage' });
    expect(badPem).toMatchObject({ outcome: 'error', errorKind: 'bad-settings' });
    const badTime = await readContentCredentials(jpeg, {
      mimeType: 'image/jpeg',
      at: new Date('not a date'),
    });
    expect(badTime).toMatchObject({ outcome: 'error', errorKind: 'bad-settings', settings: { at: null } });
  });
});

describe.skipIf(!hasShared('fixtures', 'assets'))('readContentCredentials options ' + SHARED_ABSENT, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('validates as of `at`: a signer certificate valid 2024-2049 without a timestamp expires in 2051', async () => {
    const bytes = asset('gen_ai_sample1.png');
    const trustAnchorsPem = trustAnchors();
    const in2030 = await readContentCredentials(bytes, {
      mimeType: 'image/png',
      trustAnchorsPem,
      at: new Date('2030-06-01T00:00:00Z'),
    });
    expect(in2030).toMatchObject({
      validation: { state: 'Trusted' },
      settings: { at: '2030-06-01T00:00:00.000Z' },
    });
    const in2051 = await readContentCredentials(bytes, {
      mimeType: 'image/png',
      trustAnchorsPem,
      at: new Date('2051-01-01T00:00:00Z'),
    });
    expect(in2051).toMatchObject({ validation: { state: 'Invalid' } });
    expect(failureCodes(in2051)).toContain('signingCredential.expired');
  });

  it('keeps a signature with a trusted timestamp valid at any `at` (C.jpg, timestamped 2024)', async () => {
    const evidence = await readContentCredentials(asset('C.jpg'), {
      mimeType: 'image/jpeg',
      trustAnchorsPem: trustAnchors(),
      at: new Date('2051-01-01T00:00:00Z'),
    });
    expect(evidence).toMatchObject({ validation: { state: 'Trusted' } });
  });

  it('restores the real clock after a read made as of `at`', async () => {
    const realDate = Date;
    await readContentCredentials(asset('C.jpg'), {
      mimeType: 'image/jpeg',
      at: new Date('2001-01-01T00:00:00Z'),
    });
    expect(globalThis.Date).toBe(realDate);
    expect(Math.abs(Date.now() - new realDate().getTime())).toBeLessThan(60_000);
  });

  it('reports a remote manifest without touching the network unless allowed', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network must not be used')));
    vi.stubGlobal('fetch', fetchSpy);
    const evidence = await readContentCredentials(asset('cloudx.jpg'), { mimeType: 'image/jpeg' });
    expect(evidence).toMatchObject({
      outcome: 'remote-manifest',
      fetched: false,
      remoteUrl: expect.stringMatching(/^https:\/\/cai-manifestx\.adobe\.com\/manifests\//) as unknown,
      settings: { remoteManifestFetch: false },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('fetches a remote manifest only with allowNetwork, and reports a failed fetch with its URL', async () => {
    const fetchSpy = vi.fn(() =>
      Promise.reject(new TypeError('fetch failed (stubbed: no network in tests)')),
    );
    vi.stubGlobal('fetch', fetchSpy);
    const evidence = await readContentCredentials(asset('cloudx.jpg'), {
      mimeType: 'image/jpeg',
      allowNetwork: true,
    });
    expect(fetchSpy).toHaveBeenCalled();
    expect(evidence).toMatchObject({ outcome: 'error', errorKind: 'remote-fetch-failed' });
    expect(evidence.outcome === 'error' && evidence.reason).toContain(
      'https://cai-manifestx.adobe.com/manifests/',
    );
  });

  it('walks ingredient manifests and reports their actions and titles (ocsp.jpg)', async () => {
    const evidence = await readContentCredentials(asset('ocsp.jpg'), { mimeType: 'image/jpeg' });
    if (evidence.outcome !== 'manifest') throw new Error(evidence.outcome);
    const [active, ingredient] = evidence.manifests;
    expect(active?.ingredients).toEqual([
      expect.objectContaining({
        title: 'ocsp.jpg',
        relationship: 'componentOf',
        manifestLabel: ingredient?.label,
      }),
    ]);
    expect(ingredient).toMatchObject({ role: 'ingredient', depth: 1, title: 'Generated image' });
    expect(ingredient?.actions.map((action) => [action.action, action.softwareAgent])).toEqual([
      ['c2pa.created', 'Adobe Firefly'],
    ]);
  });
});
