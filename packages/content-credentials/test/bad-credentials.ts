import { webcrypto } from 'node:crypto';
import { x509 } from '../src/keys/x509.js';

/** A signer issued by a fresh CA, with the defects asked for: what c2pa-rs refuses, for bad-input tests. */
export async function makeSigner(defects: {
  ca?: boolean;
  noEku?: boolean;
  anyEkuOnly?: boolean;
  notAfter?: Date;
}): Promise<{ certPem: string; keyPem: string; caPem: string }> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const gen = async () =>
    (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const rootKeys = await gen();
  const notBefore = new Date(Date.UTC(2020, 0, 1));
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=Bad Test Root',
    keys: rootKeys,
    notBefore,
    notAfter: new Date(Date.UTC(2045, 0, 1)),
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const keys = await gen();
  const ekus = defects.noEku ? [] : [defects.anyEkuOnly ? '2.5.29.37.0' : '1.3.6.1.5.5.7.3.4'];
  const leaf = await x509.X509CertificateGenerator.create({
    subject: 'CN=Bad Test Signer',
    issuer: root.subject,
    publicKey: keys.publicKey,
    signingKey: rootKeys.privateKey,
    notBefore,
    notAfter: defects.notAfter ?? new Date(Date.UTC(2045, 0, 1)),
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(defects.ca ?? false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      ...(ekus.length ? [new x509.ExtendedKeyUsageExtension(ekus)] : []),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root.publicKey),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    certPem: leaf.toString('pem'),
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    caPem: root.toString('pem'),
  };
}
