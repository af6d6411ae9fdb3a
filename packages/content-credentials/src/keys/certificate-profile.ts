import { X509Certificate as NodeX509 } from 'node:crypto';
import { UsageError } from '@rai-audit/core';
import { DOCUMENT_SIGNING_EKU, EMAIL_PROTECTION_EKU } from './keygen.js';
import { x509 } from './x509.js';

/**
 * Extended key usages c2pa-rs 0.92 accepts on a C2PA signing certificate (its `valid_eku_oids`): S/MIME
 * emailProtection, documentSigning (RFC 9336), timeStamping, OCSPSigning, Microsoft's C2PA signing OID and the
 * C2PA claim-signing OID.
 */
export const ACCEPTED_SIGNER_EKUS: ReadonlySet<string> = new Set([
  EMAIL_PROTECTION_EKU,
  DOCUMENT_SIGNING_EKU,
  '1.3.6.1.5.5.7.3.8',
  '1.3.6.1.5.5.7.3.9',
  '1.3.6.1.4.1.311.76.59.1.9',
  '1.3.6.1.4.1.62558.2.1',
]);

const FIX =
  'issue a signing certificate with basicConstraints CA:FALSE, keyUsage digitalSignature, an extendedKeyUsage ' +
  'such as emailProtection or documentSigning, and subject/authority key identifiers ' +
  '(`rai-audit assets keygen` makes one for tests)';

/**
 * Refuses a signing certificate that c2pa-rs would reject when validating the manifest, before anything is
 * signed, with what is wrong and what to fix (UsageError: the certificate is configuration).
 */
export function checkSignerProfile(der: Uint8Array, file: string, now: Date = new Date()): void {
  const certificate = new x509.X509Certificate(der);
  const problem = (message: string, hint = FIX): UsageError =>
    new UsageError(`the signing certificate ${message}; c2pa-rs would refuse it`, { file, hint });
  const node = new NodeX509(der);
  if (!node.raw.length) throw problem('cannot be read');
  const version = (certificate as unknown as { asn: { tbsCertificate: { version: number } } }).asn
    .tbsCertificate.version;
  if (version !== 2) throw problem(`is X.509 version ${version + 1}, not 3`);
  const basic = certificate.getExtension(x509.BasicConstraintsExtension);
  if (basic?.ca) throw problem('is a CA certificate (basicConstraints CA:TRUE)');
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  if (!usage || (usage.usages & x509.KeyUsageFlags.digitalSignature) === 0)
    throw problem('lacks the digitalSignature key usage');
  const eku = certificate.getExtension(x509.ExtendedKeyUsageExtension);
  const ekus = (eku?.usages ?? []).map(String);
  if (!ekus.some((oid) => ACCEPTED_SIGNER_EKUS.has(oid)))
    throw problem(
      eku
        ? `has no extended key usage c2pa-rs accepts (it lists ${ekus.join(', ')})`
        : 'has no extendedKeyUsage',
    );
  if (!certificate.getExtension(x509.SubjectKeyIdentifierExtension))
    throw problem('has no subject key identifier');
  if (certificate.subject === certificate.issuer)
    throw problem('is self-signed', 'sign with a certificate issued by a CA (the chain goes in --cert)');
  if (!certificate.getExtension(x509.AuthorityKeyIdentifierExtension))
    throw problem('has no authority key identifier');
  if (now < certificate.notBefore)
    throw new UsageError(
      `the signing certificate is not valid before ${certificate.notBefore.toISOString()}`,
      {
        file,
        hint: 'check the machine clock, or use a certificate that is already valid',
      },
    );
  if (now > certificate.notAfter)
    throw new UsageError(`the signing certificate expired on ${certificate.notAfter.toISOString()}`, {
      file,
      hint: 'renew the certificate (or run `rai-audit assets keygen` for a test one); without a timestamp, a signature made with it reads Invalid',
    });
}
