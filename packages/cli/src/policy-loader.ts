import {
  UsageError,
  createCatalog,
  defaultPolicy,
  formatPolicyIssues,
  validatePolicy,
  type CheckDefinition,
  type PolicyChecks,
  type ResolvedPolicy,
} from '@rai-audit/core';
import { readConfigFile } from './config-file.js';

export interface PolicySources {
  definitions: readonly CheckDefinition[];
  presets: Readonly<Record<string, PolicyChecks>>;
}

/** Reads and validates the policy file; an invalid file is a usage error listing every issue with its path and line. */
export async function loadPolicy(path: string | undefined, sources: PolicySources): Promise<ResolvedPolicy> {
  const catalog = createCatalog(sources.definitions);
  if (path === undefined) return defaultPolicy(catalog);
  const text = readConfigFile(path, process.cwd(), { what: 'the policy file', flag: '--policy' });
  const validation = validatePolicy(text, { catalog, presets: sources.presets });
  if ('issues' in validation) {
    throw new UsageError(
      `invalid policy (${validation.issues.length} ${validation.issues.length === 1 ? 'problem' : 'problems'})`,
      {
        file: path,
        lines: formatPolicyIssues(path, validation.issues).split('\n'),
        hint: 'See docs/policy.md for the format',
      },
    );
  }
  return validation.value;
}
