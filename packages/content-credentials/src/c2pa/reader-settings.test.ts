import { readFileSync } from 'node:fs';
import { InputError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { hasShared, SHARED_ABSENT, sharedPath } from '../../../../tests/shared-fixtures.js';
import { buildReaderContext, parseTrustAnchorsPem } from './reader-settings.js';

describe('buildReaderContext', () => {
  it('turns remote fetching and OCSP off and leaves trust out by default', () => {
    expect(JSON.parse(buildReaderContext({ remoteManifestFetch: false }))).toEqual({
      verify: { remote_manifest_fetch: false, ocsp_fetch: false },
    });
  });

  it('passes trust anchors as PEM text and allows remote fetching when asked', () => {
    const context = JSON.parse(
      buildReaderContext({ remoteManifestFetch: true, trustAnchorsPem: 'PEM' }),
    ) as unknown;
    expect(context).toEqual({
      verify: { remote_manifest_fetch: true, ocsp_fetch: false },
      trust: { trust_anchors: 'PEM' },
    });
  });
});

describe('parseTrustAnchorsPem', () => {
  it('refuses text without a certificate, naming the file', () => {
    expect(() => parseTrustAnchorsPem('hello', 'trust.pem')).toThrow(InputError);
    expect(() => parseTrustAnchorsPem('hello', 'trust.pem')).toThrow(/no PEM certificate/);
  });

  it('refuses a damaged certificate block and says which one', () => {
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
    expect(() => parseTrustAnchorsPem(broken, 'trust.pem')).toThrow(/certificate 1 of 1 does not parse/);
  });

  describe.skipIf(!hasShared('fixtures', 'assets', 'trust'))('on the fixture roots ' + SHARED_ABSENT, () => {
    it('keeps every certificate block of a bundle', () => {
      const pem = readFileSync(
        sharedPath('fixtures', 'assets', 'trust', 'c2pa-rs-test-root-bundle.pem'),
        'utf8',
      );
      const blocks = pem.match(/BEGIN CERTIFICATE/g)?.length ?? 0;
      expect(blocks).toBeGreaterThan(1);
      expect(parseTrustAnchorsPem(`comment line\n${pem}`).match(/BEGIN CERTIFICATE/g)?.length).toBe(blocks);
    });
  });
});
