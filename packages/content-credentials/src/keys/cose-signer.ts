import {
  constants,
  createPrivateKey,
  sign as signBytes,
  X509Certificate,
  type KeyObject,
  type SignKeyObjectInput,
} from 'node:crypto';
import { UsageError } from '@rai-audit/core';
import { Encoder, Tag } from 'cbor-x';
import { checkSignerProfile } from './certificate-profile.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from './signing-algorithms.js';

/** A loaded signer: the certificate chain (leaf first, DER) and the private key. Never serialise it. */
export interface SigningCredentials {
  readonly algorithm: SigningAlgorithm;
  readonly chainDer: readonly Uint8Array[];
  readonly privateKey: KeyObject;
  /** The leaf's subject, for messages (never the key). */
  readonly subject: string;
}

export interface CredentialSources {
  readonly certPem: string;
  readonly certFile: string;
  readonly keyPem: string;
  /** The file or environment variable the key came from, for messages. */
  readonly keySource: string;
  readonly now?: Date;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function algorithmOf(key: KeyObject, keySource: string): SigningAlgorithm {
  const type = key.asymmetricKeyType;
  if (type === 'ed25519') return 'ed25519';
  if (type === 'rsa' || type === 'rsa-pss') return 'ps256';
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return 'es256';
    if (curve === 'secp384r1') return 'es384';
  }
  throw new UsageError(`the private key is of a kind rai-audit cannot sign C2PA manifests with (${type})`, {
    file: keySource,
    hint: 'use an EC P-256 or P-384, RSA (PS256) or Ed25519 key',
  });
}

/**
 * Reads and checks a signer: every certificate of the chain parses, the key is a private key matching the leaf,
 * and the leaf has the profile c2pa-rs accepts and is valid now. Errors are UsageErrors naming the file and the fix.
 */
export function loadSigningCredentials(sources: CredentialSources): SigningCredentials {
  const blocks = sources.certPem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0)
    throw new UsageError('no PEM certificate found', {
      file: sources.certFile,
      hint: 'give --cert a PEM file with the signing certificate first, then its intermediates',
    });
  const chain = blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (cause) {
      throw new UsageError(`certificate ${index + 1} of the chain cannot be parsed`, {
        file: sources.certFile,
        hint: 'check the PEM block',
        cause,
      });
    }
  });
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(sources.keyPem);
  } catch {
    // The library message can quote key material: never pass it on.
    throw new UsageError('not a readable private key (PEM, unencrypted PKCS#8, SEC1 or PKCS#1)', {
      file: sources.keySource,
      hint: 'give --key the private key of the signing certificate',
    });
  }
  const leaf = chain[0]!;
  if (!leaf.checkPrivateKey(privateKey))
    throw new UsageError('the private key does not match the signing certificate', {
      file: sources.keySource,
      hint: `give the key of "${leaf.subject.replace(/\n/g, ', ')}" (${sources.certFile}), or the certificate of this key`,
    });
  checkSignerProfile(new Uint8Array(leaf.raw), sources.certFile, sources.now);
  for (let i = 1; i < chain.length; i += 1) {
    if (!chain[i - 1]!.checkIssued(chain[i]!) || !chain[i - 1]!.verify(chain[i]!.publicKey))
      throw new UsageError(`certificate ${i + 1} of the chain did not issue certificate ${i}`, {
        file: sources.certFile,
        hint: 'order the chain leaf first, then each issuer; leave the root out',
      });
  }
  return {
    algorithm: algorithmOf(privateKey, sources.keySource),
    chainDer: chain.map((certificate) => new Uint8Array(certificate.raw)),
    privateKey,
    subject: leaf.subject.replace(/\n/g, ', '),
  };
}

const encoder = new Encoder({ useRecords: false, tagUint8Array: false, mapsAsObjects: false });

function encode(value: unknown): Buffer {
  return encoder.encode(value);
}

function signature(credentials: SigningCredentials, toBeSigned: Buffer): Buffer {
  const profile = SIGNING_ALGORITHMS[credentials.algorithm];
  const key: SignKeyObjectInput = { key: credentials.privateKey };
  if (profile.keyType === 'ec') key.dsaEncoding = 'ieee-p1363';
  if (credentials.algorithm === 'ps256') {
    key.padding = constants.RSA_PKCS1_PSS_PADDING;
    key.saltLength = 32;
  }
  return signBytes(profile.digest, toBeSigned, key);
}

/**
 * The tagged COSE_Sign1 (tag 18) that c2pa-rs expects back from a signer callback: protected header
 * `{1: alg, 33: x5chain}`, a `pad` byte string in the unprotected header sized so that the whole structure is
 * exactly `reserveSize` bytes, a detached (null) payload, and the signature over
 * `["Signature1", protected, h'', claim]` (ECDSA in IEEE P1363 form, r‖s).
 */
export function coseSign1(
  credentials: SigningCredentials,
  claim: Uint8Array,
  reserveSize: number,
): Uint8Array {
  const profile = SIGNING_ALGORITHMS[credentials.algorithm];
  const chain = credentials.chainDer.map((der) => Buffer.from(der));
  const protectedHeader = encode(
    new Map<number, unknown>([
      [1, profile.coseAlg],
      [33, chain.length === 1 ? chain[0] : chain],
    ]),
  );
  const toBeSigned = encode(['Signature1', protectedHeader, Buffer.alloc(0), Buffer.from(claim)]);
  const sig = signature(credentials, toBeSigned);
  const build = (pad: number): Buffer =>
    encode(new Tag([protectedHeader, new Map([['pad', Buffer.alloc(pad)]]), null, sig], 18));
  let pad = 0;
  for (let attempt = 0; attempt < 4 && build(pad).length !== reserveSize; attempt += 1)
    pad = Math.max(0, pad + reserveSize - build(pad).length);
  const cose = build(pad);
  if (cose.length !== reserveSize)
    throw new UsageError(
      `the signature (${cose.length} bytes) does not fit the ${reserveSize} bytes reserved`,
      {
        hint: 'a long certificate chain needs a larger reserve; shorten the chain',
      },
    );
  return new Uint8Array(cose);
}

/** Bytes to reserve for the COSE structure: the chain, the signature, the headers, and room. */
export function reserveSizeFor(credentials: SigningCredentials): number {
  const chainBytes = credentials.chainDer.reduce((sum, der) => sum + der.length, 0);
  return chainBytes + 1024 + (credentials.algorithm === 'ps256' ? 512 : 0);
}
