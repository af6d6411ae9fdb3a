import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '@rai-audit/core';
import type { CliIo } from '../io.js';
import { displayPath } from '../files.js';

interface KeygenOptions {
  out: string;
  algorithm: string;
  intermediate?: boolean;
  validDays: string;
  force?: boolean;
}

const KEYGEN_EXAMPLES = `
Examples:
  $ rai-audit assets keygen --out test-keys
  $ rai-audit assets mark out/*.png --out signed --cert test-keys/cert.pem --key test-keys/key.pem --ai-generated
  $ rai-audit assets verify signed --trust test-keys/ca.pem

The CA's private key is discarded: nothing else can ever be issued under this test CA.
For production, sign with a certificate from an issuer your verifiers trust (the C2PA trust list).`;

const ALGORITHMS = ['es256', 'es384', 'ps256', 'ed25519'];

/** Adds `rai-audit assets keygen` under the `assets` command. */
export function registerAssetsKeygen(
  assets: Command,
  io: CliIo,
  done: (result: { exitCode: number }) => void,
): void {
  assets
    .command('keygen')
    .summary('create a test CA and a C2PA signing certificate and key (for trying the tool and for tests)')
    .description(
      'Create a test certificate authority (ca.pem), optionally an intermediate, and a signing certificate chain ' +
        '(cert.pem) with its private key (key.pem, mode 0600) in the profile c2pa-rs accepts. Not for production.',
    )
    .requiredOption('--out <dir>', 'folder to write ca.pem, cert.pem and key.pem into')
    .option('--algorithm <alg>', `signature algorithm: ${ALGORITHMS.join(', ')}`, 'es256')
    .option('--intermediate', 'put an intermediate CA between the root and the signer')
    .option('--valid-days <n>', 'validity of the signing certificate in days', '365')
    .option('--force', 'replace existing files in --out')
    .addHelpText('after', KEYGEN_EXAMPLES)
    .exitOverride()
    .action(async (options: KeygenOptions) => {
      done({ exitCode: await runAssetsKeygen(io, options) });
    });
}

async function runAssetsKeygen(io: CliIo, options: KeygenOptions): Promise<number> {
  const algorithm = options.algorithm.trim().toLowerCase();
  const credentials = await import('@rai-audit/content-credentials');
  if (!credentials.isSigningAlgorithm(algorithm))
    throw new UsageError(`unknown --algorithm "${options.algorithm}"`, {
      hint: `use one of ${ALGORITHMS.join(', ')}`,
    });
  const days = /^\d+$/.test(options.validDays.trim()) ? Number(options.validDays) : Number.NaN;
  if (!Number.isSafeInteger(days) || days < 1 || days > 36_500)
    throw new UsageError(`--valid-days must be a whole number from 1 to 36500, got "${options.validDays}"`, {
      hint: 'for example --valid-days 365',
    });
  const notBefore = new Date(Date.now() - 3_600_000);
  const generated = await credentials.createTestCredentials({
    algorithm,
    intermediate: options.intermediate ?? false,
    notBefore,
    notAfter: new Date(notBefore.getTime() + days * 86_400_000),
  });
  const written = await credentials.writeTestCredentials(
    resolve(io.cwd, options.out),
    generated,
    options.force,
  );
  const show = (path: string): string => displayPath(path, io.cwd);
  io.stdout(
    [
      `rai-audit assets keygen: ${algorithm} test credentials written`,
      `  ${show(written.ca)}  the test root CA: give it to assets verify --trust`,
      ...(written.intermediate ? [`  ${show(written.intermediate)}  the intermediate CA`] : []),
      `  ${show(written.cert)}  the signing certificate chain: assets mark --cert`,
      `  ${show(written.key)}  the private key (mode 0600): assets mark --key; keep it secret`,
      '',
    ].join('\n'),
  );
  io.stderr(
    'warning: these are TEST credentials. Verifiers trust them only if given ca.pem; for production, sign with a ' +
      'certificate from an issuer on the C2PA trust list.\n',
  );
  return 0;
}
