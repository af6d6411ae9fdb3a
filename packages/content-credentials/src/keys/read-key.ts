import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '@rai-audit/core';

export interface KeySource {
  /** PEM text of the private key. Never print or log it. */
  readonly pem: string;
  /** Where it came from, for messages: the file path or `$NAME`. */
  readonly source: string;
  /** Set when the key file can be read by other users than its owner. */
  readonly warning?: string;
}

/**
 * The private key from a file (`--key`) or an environment variable (`--key-env NAME`), exactly one of them.
 * A key file whose mode lets the group or others read it gives a warning (not an error: CI secrets are often
 * mounted that way), with the fix.
 */
export async function readSigningKey(options: {
  readonly keyFile?: string;
  readonly keyEnv?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}): Promise<KeySource> {
  const { keyFile, keyEnv } = options;
  if ((keyFile === undefined) === (keyEnv === undefined))
    throw new UsageError('give the signing key with exactly one of --key FILE and --key-env NAME', {
      hint: 'for example --key key.pem, or --key-env RAI_AUDIT_SIGNING_KEY with the PEM text in that variable',
    });
  if (keyEnv !== undefined) {
    const pem = options.env[keyEnv];
    if (!pem)
      throw new UsageError(`the environment variable ${keyEnv} is not set or empty`, {
        hint: `put the PEM text of the private key in ${keyEnv}`,
      });
    return { pem, source: `$${keyEnv}` };
  }
  const file = keyFile!;
  const info = await stat(file).catch((cause: unknown) => {
    throw new UsageError('cannot read the private key file', {
      file,
      hint: 'check the path given to --key',
      cause,
    });
  });
  const pem = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new UsageError('cannot read the private key file', { file, hint: 'check its permissions', cause });
  });
  const exposed = (info.mode & 0o077) !== 0;
  return {
    pem,
    source: file,
    ...(exposed
      ? {
          warning: `the private key ${file} can be read by other users (mode ${(info.mode & 0o777).toString(8)}); run chmod 600 ${file}`,
        }
      : {}),
  };
}
