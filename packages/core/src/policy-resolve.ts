import type { CheckLevel } from './check.js';
import { closestMatch } from './suggest.js';
import type {
  CheckCatalog,
  PolicyChecks,
  PolicyContext,
  PolicyEntry,
  PolicyFile,
  ResolvedCheck,
  ResolvedPolicy,
} from './policy.js';

function entryParts(entry: PolicyEntry): { level: CheckLevel; options: Record<string, unknown> } {
  if (typeof entry === 'string') return { level: entry, options: {} };
  return { level: entry[0], options: entry[1] ?? {} };
}

/** The policy with only defaults: every known check at its default level and options. */
export function defaultPolicy(catalog: CheckCatalog): ResolvedPolicy {
  const checks: Record<string, ResolvedCheck> = {};
  for (const [id, def] of catalog)
    checks[id] = { level: def.defaultLevel, options: { ...def.defaultOptions } };
  return { failOn: 'error', checks, assets: [], trust: [], bias: {} };
}

function applyEntries(
  policy: ResolvedPolicy,
  entries: PolicyChecks,
  context: PolicyContext,
  pathPrefix: PropertyKey[],
  issues: RawIssue[],
): void {
  const known = [...context.catalog.keys()];
  for (const [id, entry] of Object.entries(entries)) {
    const def = context.catalog.get(id);
    if (!def) {
      const near = closestMatch(id, known);
      issues.push({
        path: [...pathPrefix, id],
        message: `unknown check id "${id}"`,
        hint: near ? `Did you mean "${near}"?` : `Known check ids: ${known.join(', ')}`,
      });
      continue;
    }
    const { level, options } = entryParts(entry);
    const parsed = def.options.safeParse({ ...def.defaultOptions, ...options });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({
          path: [...pathPrefix, id, 1, ...issue.path],
          message: issue.message,
          hint: `Options of ${id}: ${Object.keys(def.defaultOptions).join(', ') || 'none'}`,
        });
      }
      continue;
    }
    policy.checks[id] = { level, options: parsed.data };
  }
}

export type RawIssue = { path: PropertyKey[]; message: string; hint?: string };

function unknownCheckIssue(id: string, path: PropertyKey[], catalog: CheckCatalog): RawIssue {
  const known = [...catalog.keys()];
  const near = closestMatch(id, known);
  return {
    path,
    message: `unknown check id "${id}"`,
    hint: near ? `Did you mean "${near}"?` : `Known check ids: ${known.join(', ')}`,
  };
}

function resolveWaiversAndOverrides(
  file: PolicyFile,
  policy: ResolvedPolicy,
  catalog: CheckCatalog,
  issues: RawIssue[],
): void {
  (file.waivers ?? []).forEach((waiver, index) => {
    const def = catalog.get(waiver.check);
    if (def) (policy.waivers ??= []).push({ ...waiver, area: def.area });
    else issues.push(unknownCheckIssue(waiver.check, ['waivers', index, 'check'], catalog));
  });
  (file.overrides ?? []).forEach((override, index) => {
    for (const id of Object.keys(override.checks)) {
      if (!catalog.has(id)) issues.push(unknownCheckIssue(id, ['overrides', index, 'checks', id], catalog));
    }
  });
  if (file.overrides) policy.overrides = file.overrides;
}

/**
 * Resolves a schema-valid policy object against the catalog and presets; issue paths are keys inside the object.
 * Policy files and the `policy` block of rai-audit.yaml both come through here.
 */
export function resolvePolicyFile(
  file: PolicyFile,
  context: PolicyContext,
): { value: ResolvedPolicy } | { issues: RawIssue[] } {
  const policy = defaultPolicy(context.catalog);
  const issues: RawIssue[] = [];
  const presetNames = file.extends === undefined ? [] : [file.extends].flat();
  presetNames.forEach((name, index) => {
    const preset = context.presets[name];
    const path = typeof file.extends === 'string' ? ['extends'] : ['extends', index];
    if (!preset) {
      issues.push({
        path,
        message: `unknown preset "${name}"`,
        hint: `Presets: ${Object.keys(context.presets).join(', ') || 'none'}`,
      });
    } else applyEntries(policy, preset, context, path, issues);
  });
  applyEntries(policy, file.checks ?? {}, context, ['checks'], issues);
  resolveWaiversAndOverrides(file, policy, context.catalog, issues);
  if (issues.length > 0) return { issues };
  policy.failOn = file.failOn ?? 'error';
  policy.assets = Object.entries(file.assets ?? {}).map(([glob, requirements]) => ({ glob, requirements }));
  policy.trust = file.trust ?? [];
  policy.bias = file.bias ?? {};
  return { value: policy };
}
