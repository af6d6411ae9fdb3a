/**
 * Regenerates the project's test CA in fixtures/assets/test-ca with the openssl CLI: a root CA and a signer
 * certificate that c2pa-rs accepts (X.509 v3, not a CA, digitalSignature, emailProtection EKU, subject and authority
 * key identifiers), both valid 2025-01-01 to 2049-12-31. The root's private key is not kept. Signed assets are made
 * from it on the fly by packages/content-credentials/bench/signed-test-assets.mjs.
 *
 *   node scripts/generate-test-assets.mjs            # rewrite fixtures/assets/test-ca (needs openssl)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CA_DIR = fileURLToPath(new URL('../fixtures/assets/test-ca/', import.meta.url));
const VALIDITY = ['-startdate', '20250101000000Z', '-enddate', '20491231235959Z'];

const CONFIG = `[ca]
default_ca = test_ca
[test_ca]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
organizationName = optional
[root_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[signer_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
`;

function openssl(work, ...args) {
  execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
}

function generateCa() {
  const work = mkdtempSync(join(tmpdir(), 'rai-audit-test-ca-'));
  try {
    writeFileSync(join(work, 'ca.cnf'), CONFIG);
    writeFileSync(join(work, 'index.txt'), '');
    writeFileSync(join(work, 'serial'), '1000\n');
    const key = (name) =>
      openssl(work, 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', name);
    const request = (name, subject) =>
      openssl(
        work,
        'req',
        '-new',
        '-key',
        `${name}.key`,
        '-subj',
        subject,
        '-config',
        'ca.cnf',
        '-out',
        `${name}.csr`,
      );
    key('root.key');
    request('root', '/CN=rai-audit Test Root CA/O=rai-audit tests');
    openssl(
      work,
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-selfsign',
      '-keyfile',
      'root.key',
      '-in',
      'root.csr',
      ...VALIDITY,
      '-extensions',
      'root_ext',
      '-notext',
      '-out',
      'root.pem',
    );
    key('signer.key');
    request('signer', '/CN=rai-audit Test Signer/O=rai-audit tests');
    openssl(
      work,
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'root.pem',
      '-keyfile',
      'root.key',
      '-in',
      'signer.csr',
      ...VALIDITY,
      '-extensions',
      'signer_ext',
      '-notext',
      '-out',
      'signer.pem',
    );
    mkdirSync(CA_DIR, { recursive: true });
    copyFileSync(join(work, 'root.pem'), join(CA_DIR, 'root-ca.pem'));
    copyFileSync(join(work, 'signer.pem'), join(CA_DIR, 'signer.pem'));
    copyFileSync(join(work, 'signer.key'), join(CA_DIR, 'signer.key'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

generateCa();
console.log(`test CA written to ${CA_DIR}`);
