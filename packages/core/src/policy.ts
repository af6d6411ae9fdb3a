import { z } from 'zod';
import { CheckLevelSchema, type Area, type CheckLevel } from './check.js';
import { PolicyOverrideSchema, type PolicyOverride } from './config/overrides.js';
import { WaiverSchema, type ResolvedWaiver } from './config/waivers.js';
import { readPolicyDocument } from './policy-document.js';
import { readableEntryIssues, resolvePolicyFile, type RawIssue as ResolveIssue } from './policy-resolve.js';

export { defaultPolicy, resolvePolicyFile } from './policy-resolve.js';

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

export const PolicyEntrySchema = z.union([
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
    overrides: z.array(PolicyOverrideSchema).optional().describe('Other check levels for some files'),
    waivers: z
      .array(WaiverSchema)
      .optional()
      .describe('Accepted failures, each with a reason, an owner and an expiry date'),
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
  /** Per-path check levels, applied to the finished checks (absent: none). */
  overrides?: PolicyOverride[];
  /** Accepted failures, applied to the finished checks (config/waivers.ts; absent: none). */
  waivers?: ResolvedWaiver[];
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

export { yaml } from './policy-document.js';

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
  let issues: ResolveIssue[];
  if (parsed.success) {
    const resolved = resolvePolicyFile(parsed.data, context);
    if ('value' in resolved) return resolved;
    issues = resolved.issues;
  } else {
    // The shape is wrong somewhere; the presets and check entries that can be read are still checked, so that
    // one run lists every problem of the file.
    issues = [
      ...parsed.error.issues.map((issue) => ({
        path: issue.path,
        message: issue.message,
        hint: SCHEMA_HINT,
      })),
      ...readableEntryIssues(raw, context),
    ];
  }
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

const SCHEMA_HINT =
  'A policy has the keys extends, failOn and checks; each check is "error", "warn", "off" or [level, { options }]';

/** Renders policy issues as lines `file:line:col: path: message. hint`. */
export function formatPolicyIssues(file: string, issues: readonly PolicyIssue[]): string {
  return issues
    .map((issue) => {
      const at = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
      return `${at}: ${issue.path}: ${issue.message}${issue.hint ? `. ${issue.hint}` : ''}`;
    })
    .join('\n');
}
