import type { CheckLevel } from './check.js';
import { closestMatch } from './suggest.js';
import { PolicyEntrySchema } from './policy.js';
import type {
  CheckCatalog,
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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Applies `entries` (check id → entry) to the policy; an entry of the wrong shape is the schema's to report. */
function applyEntries(
  policy: ResolvedPolicy,
  entries: Readonly<Record<string, unknown>>,
  context: PolicyContext,
  pathPrefix: PropertyKey[],
  issues: RawIssue[],
): void {
  for (const [id, entry] of Object.entries(entries)) {
    const def = context.catalog.get(id);
    if (!def) {
      issues.push(unknownCheckIssue(id, [...pathPrefix, id], context.catalog));
      continue;
    }
    const shape = PolicyEntrySchema.safeParse(entry);
    if (!shape.success) continue;
    const { level, options } = entryParts(shape.data);
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

/** Presets named by `extends`, applied in order; a name that is not a string is the schema's to report. */
function applyPresets(
  policy: ResolvedPolicy,
  raw: unknown,
  context: PolicyContext,
  issues: RawIssue[],
): void {
  const names: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  names.forEach((name, index) => {
    if (typeof name !== 'string') return;
    const path = Array.isArray(raw) ? ['extends', index] : ['extends'];
    // Own keys only: `extends: constructor` must not find Object.prototype.constructor.
    const preset = Object.hasOwn(context.presets, name) ? context.presets[name] : undefined;
    if (!preset) {
      issues.push({
        path,
        message: `unknown preset "${name}"`,
        hint: `Presets: ${Object.keys(context.presets).join(', ') || 'none'}`,
      });
    } else applyEntries(policy, preset, context, path, issues);
  });
}

/** The issues of the presets and check entries of a policy object whose shape is wrong elsewhere. */
export function readableEntryIssues(raw: unknown, context: PolicyContext): RawIssue[] {
  const issues: RawIssue[] = [];
  if (!isPlainObject(raw)) return issues;
  const policy = defaultPolicy(context.catalog);
  applyPresets(policy, raw.extends, context, issues);
  if (isPlainObject(raw.checks)) applyEntries(policy, raw.checks, context, ['checks'], issues);
  return issues;
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
  applyPresets(policy, file.extends, context, issues);
  applyEntries(policy, file.checks ?? {}, context, ['checks'], issues);
  resolveWaiversAndOverrides(file, policy, context.catalog, issues);
  if (issues.length > 0) return { issues };
  policy.failOn = file.failOn ?? 'error';
  policy.assets = Object.entries(file.assets ?? {}).map(([glob, requirements]) => ({ glob, requirements }));
  policy.trust = file.trust ?? [];
  policy.bias = file.bias ?? {};
  return { value: policy };
}
