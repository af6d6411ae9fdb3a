import { webcrypto } from 'node:crypto';
import { x509 } from './x509.js';
import { SIGNING_ALGORITHMS, type SigningAlgorithm } from './signing-algorithms.js';

/** Extended key usages c2pa-rs accepts for a signing certificate; we put the two of RFC 9336 and S/MIME. */
export const DOCUMENT_SIGNING_EKU = '1.3.6.1.5.5.7.3.36';
export const EMAIL_PROTECTION_EKU = '1.3.6.1.5.5.7.3.4';

export interface TestCredentialsOptions {
  readonly algorithm?: SigningAlgorithm;
  /** Put an intermediate CA between the root and the signer (the chain in cert.pem then has two certificates). */
  readonly intermediate?: boolean;
  /** Start of validity of every certificate; an hour before now by default. */
  readonly notBefore?: Date;
  /** End of the signer's validity; a year after notBefore by default (the CAs get ten years). */
  readonly notAfter?: Date;
  /** Organisation written into every subject. */
  readonly organisation?: string;
}

/** PEM texts of a test certificate authority and a signer under it. The CA private keys are never returned. */
export interface TestCredentials {
  readonly algorithm: SigningAlgorithm;
  /** The root CA certificate: the trust anchor to give `assets verify --trust`. */
  readonly caPem: string;
  /** The intermediate CA certificate, when one was asked for. */
  readonly intermediatePem?: string;
  /** The signer's chain, leaf first (then the intermediate): what `assets mark --cert` reads. */
  readonly certChainPem: string;
  /** The signer's private key, PKCS#8 PEM: what `assets mark --key` reads. Keep it secret. */
  readonly keyPem: string;
}

const HOUR_MS = 3_600_000;
const YEAR_MS = 365 * 24 * HOUR_MS;

function serial(): string {
  // A positive 64-bit serial: the high bit cleared so that DER does not read it as negative.
  const bytes = webcrypto.getRandomValues(new Uint8Array(8));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}

async function generateKeys(algorithm: SigningAlgorithm): Promise<webcrypto.CryptoKeyPair> {
  const profile = SIGNING_ALGORITHMS[algorithm];
  const usages: webcrypto.KeyUsage[] = ['sign', 'verify'];
  return (await webcrypto.subtle.generateKey(profile.generate, true, usages)) as webcrypto.CryptoKeyPair;
}

async function caExtensions(
  keys: webcrypto.CryptoKeyPair,
  issuer?: x509.X509Certificate,
  pathLength?: number,
) {
  return [
    new x509.BasicConstraintsExtension(true, pathLength, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ...(issuer ? [await x509.AuthorityKeyIdentifierExtension.create(issuer.publicKey)] : []),
  ];
}

/**
 * A test CA (optionally with an intermediate) and a signing certificate in the profile c2pa-rs requires of a
 * C2PA signer: X.509 v3, not a CA, key usage digitalSignature, an extended key usage it lists (emailProtection
 * and documentSigning here), subject and authority key identifiers. For trying the tool and for tests only.
 */
export async function createTestCredentials(options: TestCredentialsOptions = {}): Promise<TestCredentials> {
  const algorithm = options.algorithm ?? 'es256';
  const signingAlgorithm = SIGNING_ALGORITHMS[algorithm].certificateSigning;
  const organisation = options.organisation ?? 'rai-audit test credentials';
  const notBefore = options.notBefore ?? new Date(Date.now() - HOUR_MS);
  const caNotAfter = new Date(notBefore.getTime() + 10 * YEAR_MS);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + YEAR_MS);

  const rootKeys = await generateKeys(algorithm);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=rai-audit Test Root CA, O=${organisation}`,
    notBefore,
    notAfter: caNotAfter,
    keys: rootKeys,
    signingAlgorithm,
    extensions: await caExtensions(rootKeys),
  });

  let issuer = root;
  let issuerKey = rootKeys.privateKey;
  let intermediate: x509.X509Certificate | undefined;
  if (options.intermediate) {
    const keys = await generateKeys(algorithm);
    intermediate = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject: `CN=rai-audit Test Intermediate CA, O=${organisation}`,
      issuer: root.subject,
      notBefore,
      notAfter: caNotAfter,
      publicKey: keys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm,
      extensions: await caExtensions(keys, root, 0),
    });
    issuer = intermediate;
    issuerKey = keys.privateKey;
  }

  const signerKeys = await generateKeys(algorithm);
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=rai-audit Test Signer, O=${organisation}`,
    issuer: issuer.subject,
    notBefore,
    notAfter,
    publicKey: signerKeys.publicKey,
    signingKey: issuerKey,
    signingAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([EMAIL_PROTECTION_EKU, DOCUMENT_SIGNING_EKU]),
      await x509.SubjectKeyIdentifierExtension.create(signerKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.publicKey),
    ],
  });

  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', signerKeys.privateKey);
  return {
    algorithm,
    caPem: root.toString('pem') + '\n',
    ...(intermediate ? { intermediatePem: intermediate.toString('pem') + '\n' } : {}),
    certChainPem:
      [leaf, ...(intermediate ? [intermediate] : [])].map((c) => c.toString('pem')).join('\n') + '\n',
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') + '\n',
  };
}
