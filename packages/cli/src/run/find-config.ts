import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, UsageError } from '@rai-audit/core';

/**
 * The config of a run: `--config FILE`, or the first rai-audit.yaml (.yml, .json) found in the working directory
 * or a folder above it, up to the repository root (the folder holding `.git`), as linters look for theirs.
 */
export function findConfigFile(cwd: string, explicit?: string): string {
  if (explicit !== undefined) return resolve(cwd, explicit);
  const searched: string[] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    searched.push(dir);
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
  }
  throw new UsageError(`no rai-audit.yaml found in ${searched.join(', ')}`, {
    hint: 'Write one with `rai-audit init`, or name it with --config FILE',
  });
}
