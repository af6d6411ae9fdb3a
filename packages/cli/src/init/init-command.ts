import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, createCatalog, validateConfig } from '@rai-audit/core';
import { writeFilesAtomically } from '../files.js';
import type { CliIo } from '../io.js';
import { loadPolicySources } from '../policy-catalog.js';
import { scanRepository } from './scan-repository.js';
import { starterConfig } from './starter-config.js';

export interface InitOptions {
  config: string;
  force?: boolean;
}

/** `rai-audit init`: a starter rai-audit.yaml from what the repository holds; never overwrites without --force. */
export async function runInitCommand(io: CliIo, options: InitOptions): Promise<number> {
  const target = resolve(io.cwd, options.config);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) {
    throw new UsageError(`${options.config} exists already`, {
      hint: 'Edit it, or pass --force to replace it with a new starter config',
    });
  }
  const scan = await scanRepository(io.cwd);
  const text = starterConfig(scan);
  // The starter must be a valid config: a bug here would hand the user a file `run` refuses.
  const sources = await loadPolicySources();
  const check = validateConfig(text.replace('attributes: [TODO]', 'attributes: [todo]'), {
    catalog: createCatalog(sources.definitions),
    presets: sources.presets,
  });
  if ('issues' in check) throw new Error(`init wrote an invalid config: ${JSON.stringify(check.issues)}`);
  await writeFilesAtomically([{ path: target, content: text }]);
  io.stdout(
    `Wrote ${options.config} (${scan.dataFiles.length} data files, ${scan.cards.length} model cards, ${scan.assetFolders.length} asset folders found). Read its comments, then run: rai-audit run\n`,
  );
  return 0;
}
