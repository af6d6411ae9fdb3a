import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadSigningCredentials } from './cose-signer.js';
import { createTestCredentials } from './keygen.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from './signing-algorithms.js';

const certificates = (pem: string): X509Certificate[] =>
  (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
    (block) => new X509Certificate(block),
  );

describe('createTestCredentials', () => {
  for (const algorithm of Object.keys(SIGNING_ALGORITHMS) as SigningAlgorithm[]) {
    it(`${algorithm}: a root CA, a signer it issued, and the signer's key`, async () => {
      const made = await createTestCredentials({ algorithm });
      const [root] = certificates(made.caPem);
      const chain = certificates(made.certChainPem);
      expect(chain).toHaveLength(1);
      expect(root!.ca).toBe(true);
      expect(chain[0]!.ca).toBe(false);
      expect(chain[0]!.checkIssued(root!)).toBe(true);
      expect(chain[0]!.verify(root!.publicKey)).toBe(true);
      expect(chain[0]!.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.4']));
      const loaded = loadSigningCredentials({
        certPem: made.certChainPem,
        certFile: 'cert.pem',
        keyPem: made.keyPem,
        keySource: 'key.pem',
      });
      expect(loaded.algorithm).toBe(algorithm);
    });
  }

  it('with an intermediate: the chain is leaf then intermediate, and the intermediate chains to the root', async () => {
    const made = await createTestCredentials({ intermediate: true });
    const [root] = certificates(made.caPem);
    const [leaf, intermediate] = certificates(made.certChainPem);
    expect(intermediate!.ca).toBe(true);
    expect(leaf!.verify(intermediate!.publicKey)).toBe(true);
    expect(intermediate!.verify(root!.publicKey)).toBe(true);
    expect(leaf!.verify(root!.publicKey)).toBe(false);
  });

  it('two runs give unrelated CAs', async () => {
    const [a, b] = await Promise.all([createTestCredentials(), createTestCredentials()]);
    const [rootA] = certificates(a.caPem);
    const [leafB] = certificates(b.certChainPem);
    expect(leafB!.verify(rootA!.publicKey)).toBe(false);
  });
});
