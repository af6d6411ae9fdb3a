import { dirname, resolve } from 'node:path';
import {
  UsageError,
  createCatalog,
  formatPolicyIssues,
  validateConfig,
  type RaiAuditConfig,
  type ResolvedPolicy,
} from '@rai-audit/core';
import { readConfigFile } from '../config-file.js';
import { displayPath } from '../files.js';
import { loadPolicySources } from '../policy-catalog.js';

export interface LoadedConfig {
  config: RaiAuditConfig;
  policy: ResolvedPolicy;
  /** The config file, absolute, and as shown to the user. */
  file: string;
  shown: string;
  /** A path written in the config (relative to its folder), made absolute. */
  path: (written: string) => string;
}

/** Reads and validates rai-audit.yaml; an invalid file is a usage error listing every issue with its line. */
export async function loadRunConfig(file: string, cwd: string): Promise<LoadedConfig> {
  const shown = displayPath(file, cwd);
  const text = readConfigFile(file, cwd, { what: 'the configuration file', flag: '--config' });
  const sources = await loadPolicySources();
  const validation = validateConfig(text, {
    catalog: createCatalog(sources.definitions),
    presets: sources.presets,
  });
  if ('issues' in validation) {
    throw new UsageError(
      `invalid configuration (${validation.issues.length} ${validation.issues.length === 1 ? 'problem' : 'problems'})`,
      {
        file: shown,
        lines: formatPolicyIssues(shown, validation.issues).split('\n'),
        hint: 'See docs/run.md for the format; the JSON Schema is packages/core/schema/config.schema.json',
      },
    );
  }
  const dir = dirname(file);
  return {
    ...validation.value,
    file,
    shown,
    path: (written) => resolve(dir, written),
  };
}
