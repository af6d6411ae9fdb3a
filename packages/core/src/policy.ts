import { z } from 'zod';
import { CheckLevelSchema, type Area, type CheckLevel } from './check.js';
import { readPolicyDocument, type RawIssue } from './policy-document.js';
import { closestMatch } from './suggest.js';

/** A check rai-audit knows: the domain packages export these, the CLI collects them into a catalog. */
export interface CheckDefinition {
  id: string;
  area: Area;
  title: string;
  description: string;
  defaultLevel: CheckLevel;
  /** zod schema of the options object; unknown keys are rejected. */
  options: z.ZodType<Record<string, unknown>>;
  defaultOptions: Record<string, unknown>;
}

export type CheckCatalog = ReadonlyMap<string, CheckDefinition>;

export function createCatalog(definitions: readonly CheckDefinition[]): CheckCatalog {
  const catalog = new Map<string, CheckDefinition>();
  for (const definition of definitions) {
    if (catalog.has(definition.id)) throw new Error(`check id ${definition.id} is defined twice`);
    catalog.set(definition.id, definition);
  }
  return catalog;
}

const PolicyEntrySchema = z.union([
  CheckLevelSchema,
  z.tuple([CheckLevelSchema]),
  z.tuple([CheckLevelSchema, z.record(z.string(), z.unknown())]),
]);
export type PolicyEntry = z.infer<typeof PolicyEntrySchema>;

/** What the assets matching one glob must carry (content-credentials policies). */
export const AssetRequirementsSchema = z
  .object({
    c2pa: z
      .enum(['present', 'valid', 'trusted'])
      .optional()
      .describe('present: any manifest; valid; trusted: signer chains to a trust anchor'),
    signer: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('Allowed signer names (certificate common name or organisation)'),
    'ai-declaration': z
      .enum(['required', 'forbidden'])
      .optional()
      .describe('An IPTC digital source type declaring generative AI'),
    watermark: z
      .union([
        z.literal('any-known'),
        z.array(z.string().regex(/^(0x)?[0-9a-fA-F]+$/, 'expected a hex payload')),
      ])
      .optional()
      .describe('any-known: one of the known dwtDct payloads; or a list of hex payloads'),
    license: z.literal('required').optional().describe('A licence in the C2PA manifest or the XMP'),
    'training-mining': z
      .enum(['allowed', 'notAllowed', 'constrained'])
      .optional()
      .describe('The training and data-mining permission the asset must declare'),
  })
  .strict();
export type AssetRequirements = z.infer<typeof AssetRequirementsSchema>;

/** Columns of a bias audit, so that a policy (config) file can name them once instead of on every command line. */
export const BiasColumnsSchema = z
  .object({
    attributes: z.array(z.string().min(1)).min(1).optional(),
    label: z.string().min(1).optional(),
    prediction: z.string().min(1).optional(),
    score: z.string().min(1).optional(),
    weight: z.string().min(1).optional(),
    positiveLabel: z.string().optional(),
  })
  .strict()
  .describe('Defaults for rai-audit bias: a flag on the command line wins over the value here');
export type BiasColumns = z.infer<typeof BiasColumnsSchema>;

export const PolicyFileSchema = z
  .object({
    extends: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe('Preset(s) to start from'),
    failOn: z.enum(['error', 'warn']).optional().describe('warn: warnings fail the run too'),
    checks: z.record(z.string(), PolicyEntrySchema).optional(),
    bias: BiasColumnsSchema.optional(),
    trust: z
      .array(z.string().min(1))
      .optional()
      .describe('PEM files of C2PA trust anchors, relative to the policy file (added to --trust)'),
    assets: z
      .record(z.string().min(1), AssetRequirementsSchema)
      .optional()
      .describe(
        'Glob (relative to the verified folder) → requirements; an asset matching no glob is not covered',
      ),
  })
  .strict();
export type PolicyFile = z.infer<typeof PolicyFileSchema>;

export type PolicyChecks = Record<string, PolicyEntry>;

export interface ResolvedCheck {
  level: CheckLevel;
  options: Record<string, unknown>;
}

export interface AssetRule {
  glob: string;
  requirements: AssetRequirements;
}

export interface ResolvedPolicy {
  failOn: 'error' | 'warn';
  checks: Record<string, ResolvedCheck>;
  /** Asset rules in file order; every rule whose glob matches an asset applies to it. */
  assets: AssetRule[];
  /** Trust anchor PEM files as written in the policy (relative to the policy file). */
  trust: string[];
  /** Column defaults of the bias command. */
  bias: BiasColumns;
}

export interface PolicyIssue {
  /** Path inside the file, e.g. `checks["bias.demographic-parity-ratio"][1].min`. */
  path: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
}

export type PolicyValidation = { value: ResolvedPolicy } | { issues: PolicyIssue[] };

export interface PolicyContext {
  catalog: CheckCatalog;
  presets: Readonly<Record<string, PolicyChecks>>;
}

/** Formats a key path the way a user would write it: `checks["bias.x"][1].min`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(top level)';
}

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

type Issues = RawIssue[];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Applies `entries` (check id → entry) to the policy; an entry of the wrong shape was reported by the schema. */
function applyEntries(
  policy: ResolvedPolicy,
  entries: Record<string, unknown>,
  context: PolicyContext,
  pathPrefix: PropertyKey[],
  issues: Issues,
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

/** Presets named by `extends`, applied in order; a name that is not a string was reported by the schema. */
function applyPresets(policy: ResolvedPolicy, raw: unknown, context: PolicyContext, issues: Issues): void {
  const names: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  names.forEach((name, index) => {
    if (typeof name !== 'string') return;
    const path = Array.isArray(raw) ? ['extends', index] : ['extends'];
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

const SCHEMA_HINT =
  'A policy has the keys extends, failOn and checks; each check is "error", "warn", "off" or [level, { options }]';

/**
 * Parses and validates a policy file (YAML or JSON) against the catalog. Every issue is reported at once, in file
 * order, with its path and line: the shape of each key, unknown check ids and presets, check options.
 */
export function validatePolicy(text: string, context: PolicyContext): PolicyValidation {
  const read = readPolicyDocument(text);
  if ('issues' in read) {
    return {
      issues: read.issues.map((issue) => ({
        path: issue.path.length === 0 && issue.position ? '(syntax)' : formatPath(issue.path),
        line: issue.position?.line,
        column: issue.position?.column,
        message: issue.message,
        hint: issue.hint,
      })),
    };
  }
  const { value: raw, position } = read.document;
  const parsed = PolicyFileSchema.safeParse(raw);
  const issues: Issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message, hint: SCHEMA_HINT }));
  const policy = defaultPolicy(context.catalog);
  if (isPlainObject(raw)) {
    applyPresets(policy, raw.extends, context, issues);
    if (isPlainObject(raw.checks)) applyEntries(policy, raw.checks, context, ['checks'], issues);
  }
  if (!parsed.success || issues.length > 0) {
    const located = issues.map((issue, order) => {
      const pos = position(issue.path);
      const entry: PolicyIssue = { path: formatPath(issue.path), message: issue.message, hint: issue.hint };
      if (pos) Object.assign(entry, { line: pos.line, column: pos.column });
      return { order, entry };
    });
    located.sort(
      (a, b) =>
        (a.entry.line ?? Infinity) - (b.entry.line ?? Infinity) ||
        (a.entry.column ?? 0) - (b.entry.column ?? 0) ||
        a.order - b.order,
    );
    return { issues: located.map(({ entry }) => entry) };
  }
  const file = parsed.data;
  policy.failOn = file.failOn ?? 'error';
  policy.assets = Object.entries(file.assets ?? {}).map(([glob, requirements]) => ({ glob, requirements }));
  policy.trust = file.trust ?? [];
  policy.bias = file.bias ?? {};
  return { value: policy };
}

/** Renders policy issues as lines `file:line:col: path: message. hint`. */
export function formatPolicyIssues(file: string, issues: readonly PolicyIssue[]): string {
  return issues
    .map((issue) => {
      const at = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
      return `${at}: ${issue.path}: ${issue.message}${issue.hint ? `. ${issue.hint}` : ''}`;
    })
    .join('\n');
}
