import type { webcrypto } from 'node:crypto';

/**
 * The signature algorithms a rai-audit signer offers, with what each needs from Web Crypto (key generation),
 * node:crypto (signing) and COSE (the `alg` header). c2pa-rs 0.92 validates all four.
 */
export type SigningAlgorithm = 'es256' | 'es384' | 'ps256' | 'ed25519';

export interface SigningAlgorithmProfile {
  readonly name: SigningAlgorithm;
  /** COSE algorithm identifier (RFC 9053): the protected header's label 1. */
  readonly coseAlg: number;
  /** Web Crypto parameters for generating a key pair of this kind. */
  readonly generate: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams | { name: 'Ed25519' };
  /** Web Crypto parameters for signing a certificate with such a key. */
  readonly certificateSigning: webcrypto.Algorithm | webcrypto.EcdsaParams | webcrypto.RsaPssParams;
  /** node:crypto `sign` digest (null for Ed25519, which hashes internally). */
  readonly digest: 'sha256' | 'sha384' | null;
  /** The key type node:crypto reports for a matching key (`KeyObject.asymmetricKeyType`). */
  readonly keyType: 'ec' | 'rsa' | 'rsa-pss' | 'ed25519';
  /** For EC keys, the named curve. */
  readonly curve?: 'prime256v1' | 'secp384r1';
}

export const SIGNING_ALGORITHMS: Readonly<Record<SigningAlgorithm, SigningAlgorithmProfile>> = {
  es256: {
    name: 'es256',
    coseAlg: -7,
    generate: { name: 'ECDSA', namedCurve: 'P-256' },
    certificateSigning: { name: 'ECDSA', hash: 'SHA-256' } as webcrypto.EcdsaParams,
    digest: 'sha256',
    keyType: 'ec',
    curve: 'prime256v1',
  },
  es384: {
    name: 'es384',
    coseAlg: -35,
    generate: { name: 'ECDSA', namedCurve: 'P-384' },
    certificateSigning: { name: 'ECDSA', hash: 'SHA-384' } as webcrypto.EcdsaParams,
    digest: 'sha384',
    keyType: 'ec',
    curve: 'secp384r1',
  },
  ps256: {
    name: 'ps256',
    coseAlg: -37,
    generate: {
      name: 'RSA-PSS',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    certificateSigning: { name: 'RSA-PSS', saltLength: 32 } as webcrypto.RsaPssParams,
    digest: 'sha256',
    keyType: 'rsa',
  },
  ed25519: {
    name: 'ed25519',
    coseAlg: -8,
    generate: { name: 'Ed25519' },
    certificateSigning: { name: 'Ed25519' },
    digest: null,
    keyType: 'ed25519',
  },
};

export function isSigningAlgorithm(text: string): text is SigningAlgorithm {
  return Object.hasOwn(SIGNING_ALGORITHMS, text);
}
