import type { AssetRequirements, AssetRule } from '@rai-audit/core';
import { termsRequirementsFor, type TermsRequirements } from '../terms/terms-checks.js';
import { createGlobMatcher } from './glob-match.js';

/** A policy rule with its glob compiled once. */
export interface CompiledAssetRule extends AssetRule {
  readonly matches: (path: string) => boolean;
}

type C2paLevel = NonNullable<AssetRequirements['c2pa']>;
const C2PA_STRICTNESS: Readonly<Record<C2paLevel, number>> = { present: 0, valid: 1, trusted: 2 };

/**
 * What every rule matching one asset asks of it, merged: the strictest `c2pa` level; every `signer` list (the
 * signer must be in each); the `ai-declaration` demands (both kinds when rules contradict); the watermark
 * payloads any of which satisfies the rules (their union). Each part names the globs it came from.
 */
export interface AssetRequirementSet {
  readonly globs: readonly string[];
  readonly c2pa?: { readonly level: C2paLevel; readonly globs: readonly string[] };
  readonly signers: ReadonlyArray<{ readonly glob: string; readonly names: readonly string[] }>;
  readonly aiDeclaration: { readonly required: readonly string[]; readonly forbidden: readonly string[] };
  readonly watermark?: {
    readonly anyKnown: boolean;
    readonly payloads: readonly string[];
    readonly globs: readonly string[];
  };
  /** `license: required` and `training-mining:` demands (absent in sets built by hand). */
  readonly terms?: TermsRequirements;
}

/** Lower-case hex without a `0x` prefix: how payloads are compared and named. */
export function normalizeHexPayload(hex: string): string {
  return hex.trim().replace(/^0x/i, '').toLowerCase();
}

/**
 * Compiles the policy's asset rules, keeping their file order; a glob beyond the matcher's bounds is a
 * UsageError naming the policy file and the rule.
 */
export function compileAssetRules(rules: readonly AssetRule[], policyFile?: string): CompiledAssetRule[] {
  return rules.map((rule) => ({
    ...rule,
    matches: createGlobMatcher(rule.glob, {
      file: policyFile,
      location: `assets[${JSON.stringify(rule.glob)}]`,
    }),
  }));
}

function mergeC2pa(rules: readonly AssetRule[]): AssetRequirementSet['c2pa'] {
  const levels = rules.flatMap((rule) => (rule.requirements.c2pa ? [rule.requirements.c2pa] : []));
  if (levels.length === 0) return undefined;
  const level = levels.reduce((a, b) => (C2PA_STRICTNESS[b] > C2PA_STRICTNESS[a] ? b : a));
  return { level, globs: rules.filter((rule) => rule.requirements.c2pa === level).map((rule) => rule.glob) };
}

function mergeWatermark(rules: readonly AssetRule[]): AssetRequirementSet['watermark'] {
  const asking = rules.filter((rule) => rule.requirements.watermark !== undefined);
  if (asking.length === 0) return undefined;
  const anyKnown = asking.some((rule) => rule.requirements.watermark === 'any-known');
  const payloads = asking.flatMap((rule) => {
    const wanted = rule.requirements.watermark;
    return Array.isArray(wanted) ? wanted.map(normalizeHexPayload) : [];
  });
  return { anyKnown, payloads: [...new Set(payloads)], globs: asking.map((rule) => rule.glob) };
}

/** Merges the requirements of every rule whose glob matches `path` (relative to the verified folder). */
export function requirementsFor(path: string, rules: readonly CompiledAssetRule[]): AssetRequirementSet {
  const matching = rules.filter((rule) => rule.matches(path));
  const declarationGlobs = (demand: 'required' | 'forbidden'): string[] =>
    matching.filter((rule) => rule.requirements['ai-declaration'] === demand).map((rule) => rule.glob);
  return {
    globs: matching.map((rule) => rule.glob),
    c2pa: mergeC2pa(matching),
    signers: matching.flatMap((rule) =>
      rule.requirements.signer ? [{ glob: rule.glob, names: rule.requirements.signer }] : [],
    ),
    aiDeclaration: { required: declarationGlobs('required'), forbidden: declarationGlobs('forbidden') },
    watermark: mergeWatermark(matching),
    terms: termsRequirementsFor(matching),
  };
}

/** The payloads the rules list (hex), which the detector must score beside the known ones. */
export function rulePayloads(requirements: AssetRequirementSet): string[] {
  return [...(requirements.watermark?.payloads ?? [])];
}
