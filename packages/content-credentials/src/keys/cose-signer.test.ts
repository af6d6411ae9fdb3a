import { createPublicKey, verify } from 'node:crypto';
import { UsageError } from '@rai-audit/core';
import { Decoder, Encoder, type Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { makeSigner } from '../../test/bad-credentials.js';
import { coseSign1, loadSigningCredentials } from './cose-signer.js';
import { createTestCredentials } from './keygen.js';

const load = (certPem: string, keyPem: string) =>
  loadSigningCredentials({ certPem, certFile: 'cert.pem', keyPem, keySource: 'key.pem' });

function refusal(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('loadSigningCredentials: what c2pa-rs would refuse is refused first, with the fix', () => {
  it('a key that does not match the certificate', async () => {
    const [a, b] = await Promise.all([createTestCredentials(), createTestCredentials()]);
    const error = refusal(() => load(a.certChainPem, b.keyPem));
    expect(error.message).toMatch(/does not match the signing certificate/);
    expect(error.file).toBe('key.pem');
    expect(error.hint).toMatch(/rai-audit Test Signer/);
    expect(error.describe()).not.toMatch(/PRIVATE KEY|MIG/);
  });

  it('an expired certificate', async () => {
    const bad = await makeSigner({ notAfter: new Date(Date.UTC(2021, 0, 1)) });
    const error = refusal(() => load(bad.certPem, bad.keyPem));
    expect(error.message).toMatch(/expired on 2021-01-01/);
    expect(error.hint).toMatch(/renew/);
  });

  it('a CA certificate, and one without an accepted extended key usage', async () => {
    const ca = await makeSigner({ ca: true });
    expect(refusal(() => load(ca.certPem, ca.keyPem)).message).toMatch(
      /is a CA certificate.*c2pa-rs would refuse/,
    );
    const noEku = await makeSigner({ noEku: true });
    expect(refusal(() => load(noEku.certPem, noEku.keyPem)).message).toMatch(/has no extendedKeyUsage/);
    const anyEku = await makeSigner({ anyEkuOnly: true });
    const error = refusal(() => load(anyEku.certPem, anyEku.keyPem));
    expect(error.message).toMatch(/no extended key usage c2pa-rs accepts \(it lists 2\.5\.29\.37\.0\)/);
    expect(error.hint).toMatch(/emailProtection or documentSigning/);
  });

  it('no certificate, or a key that is not a key', async () => {
    const made = await createTestCredentials();
    expect(refusal(() => load('hello', made.keyPem)).message).toMatch(/no PEM certificate/);
    expect(refusal(() => load(made.certChainPem, 'not a key')).message).toMatch(/not a readable private key/);
  });
});

const decoder = new Decoder({ mapsAsObjects: false, useRecords: false });
const decode = (bytes: Uint8Array): unknown => decoder.decode(bytes);

describe('coseSign1', () => {
  it('is a tagged COSE_Sign1 of exactly the reserved size whose signature verifies over Sig_structure', async () => {
    const made = await createTestCredentials();
    const credentials = load(made.certChainPem, made.keyPem);
    const claim = new TextEncoder().encode('claim bytes');
    const cose = coseSign1(credentials, claim, 4000);
    expect(cose.length).toBe(4000);
    const tagged = decode(cose) as Tag;
    expect(tagged.tag).toBe(18);
    const [protectedBytes, , payload, signature] = tagged.value as [Uint8Array, unknown, null, Uint8Array];
    expect(payload).toBeNull();
    const header = decode(protectedBytes) as Map<number, unknown>;
    expect(header.get(1)).toBe(-7);
    expect(signature.length).toBe(64);
    const encoder = new Encoder({ useRecords: false, tagUint8Array: false });
    const toBeSigned = encoder.encode([
      'Signature1',
      Buffer.from(protectedBytes),
      Buffer.alloc(0),
      Buffer.from(claim),
    ]);
    const leafKey = createPublicKey(
      made.certChainPem.split('-----END CERTIFICATE-----')[0] + '-----END CERTIFICATE-----',
    );
    expect(verify('sha256', toBeSigned, { key: leafKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
    expect(
      verify('sha256', Buffer.from('other'), { key: leafKey, dsaEncoding: 'ieee-p1363' }, signature),
    ).toBe(false);
  });
});
