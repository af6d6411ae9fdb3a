import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, UsageError } from '@rai-audit/core';
import type { TestCredentials } from './keygen.js';

export interface WrittenCredentials {
  readonly ca: string;
  readonly intermediate?: string;
  readonly cert: string;
  readonly key: string;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Writes `ca.pem`, `intermediate.pem` (when there is one), `cert.pem` and `key.pem` into `dir`: all or none
 * (each to a temporary sibling, then renamed), the key with mode 0600 from its creation. Existing files are
 * refused unless `overwrite`.
 */
export async function writeTestCredentials(
  dir: string,
  credentials: TestCredentials,
  overwrite = false,
): Promise<WrittenCredentials> {
  const files = [
    { name: 'ca.pem', text: credentials.caPem, mode: 0o644 },
    ...(credentials.intermediatePem
      ? [{ name: 'intermediate.pem', text: credentials.intermediatePem, mode: 0o644 }]
      : []),
    { name: 'cert.pem', text: credentials.certChainPem, mode: 0o644 },
    { name: 'key.pem', text: credentials.keyPem, mode: 0o600 },
  ];
  await mkdir(dir, { recursive: true }).catch((cause: unknown) => {
    throw new InputError('cannot create the output folder', { file: dir, hint: 'check --out', cause });
  });
  if (!overwrite) {
    for (const file of files) {
      if (await exists(join(dir, file.name)))
        throw new UsageError(`${file.name} already exists; refusing to replace a key or certificate`, {
          file: join(dir, file.name),
          hint: 'choose another --out folder, or pass --force to replace the files',
        });
    }
  }
  const staged: Array<{ temp: string; path: string }> = [];
  try {
    for (const file of files) {
      const path = join(dir, file.name);
      const temp = join(dir, `.${file.name}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ temp, path });
      await writeFile(temp, file.text, { encoding: 'utf8', flag: 'wx', mode: file.mode });
      await chmod(temp, file.mode);
    }
    for (const { temp, path } of staged) await rename(temp, path);
  } catch (cause) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw new InputError('cannot write the credentials', { file: dir, hint: 'check --out', cause });
  }
  const path = (name: string): string => join(dir, name);
  return {
    ca: path('ca.pem'),
    ...(credentials.intermediatePem ? { intermediate: path('intermediate.pem') } : {}),
    cert: path('cert.pem'),
    key: path('key.pem'),
  };
}
