import { AssetRequirementsSchema, type AssetResult, type CheckDefinition } from '@rai-audit/core';
import type { Finding } from '../verify/check-finding.js';

export const LICENSE_CHECK = 'assets.license';
export const TRAINING_MINING_CHECK = 'assets.training-mining';

type Use = 'allowed' | 'notAllowed' | 'constrained';

/** What the rules matching one asset ask of its terms, with the globs they came from. */
export interface TermsRequirements {
  readonly license: readonly string[];
  readonly trainingMining: ReadonlyArray<{ readonly glob: string; readonly use: Use }>;
}

export function termsRequirementsFor(
  rules: ReadonlyArray<{ glob: string; requirements: { license?: 'required'; 'training-mining'?: Use } }>,
): TermsRequirements {
  return {
    license: rules.filter((r) => r.requirements.license === 'required').map((r) => r.glob),
    trainingMining: rules.flatMap((r) =>
      r.requirements['training-mining'] ? [{ glob: r.glob, use: r.requirements['training-mining'] }] : [],
    ),
  };
}

const NoOptions: CheckDefinition['options'] = AssetRequirementsSchema.pick({});

export const termsCheckDefinitions: CheckDefinition[] = [
  {
    id: LICENSE_CHECK,
    area: 'content-credentials',
    title: 'Licence declared',
    description:
      'Assets matching a rule with `license: required` must name a licence in their C2PA manifest ' +
      '(CreativeWork license) or their XMP (xmpRights:WebStatement).',
    defaultLevel: 'error',
    options: NoOptions,
    defaultOptions: {},
  },
  {
    id: TRAINING_MINING_CHECK,
    area: 'content-credentials',
    title: 'Training and data-mining permission',
    description:
      'Assets matching a rule with `training-mining: allowed | notAllowed | constrained` must declare that use ' +
      'in their C2PA training-mining assertion or their XMP (plus:DataMining), and no source may say otherwise.',
    defaultLevel: 'error',
    options: NoOptions,
    defaultOptions: {},
  },
];

export function licenseFinding(asset: AssetResult, globs: readonly string[]): Finding {
  const c2pa = asset.terms?.c2pa?.license;
  const xmp = asset.terms?.xmp?.license;
  const found = c2pa ?? xmp;
  return {
    outcome: found ? 'pass' : 'fail',
    message: found ? `licence ${found}` : 'no licence declared in the C2PA manifest or the XMP',
    expected: { operator: 'present', value: true },
    actual: found ?? null,
    evidence: `C2PA: ${c2pa ?? 'none'}; XMP: ${xmp ?? 'none'}; required by ${globs.map((g) => `"${g}"`).join(', ')}`,
    remediation: 'Mark the asset with a licence: rai-audit assets mark … --license SPDX-ID|URL.',
  };
}

export function trainingMiningFinding(
  asset: AssetResult,
  wanted: ReadonlyArray<{ glob: string; use: Use }>,
): Finding {
  const declared = [asset.terms?.c2pa?.trainingMining, asset.terms?.xmp?.trainingMining].filter(
    (u): u is Use => u !== undefined,
  );
  const uses = [...new Set(wanted.map((w) => w.use))];
  const ok = declared.length > 0 && declared.every((u) => uses.includes(u));
  return {
    outcome: ok ? 'pass' : 'fail',
    message: ok
      ? `training and data mining: ${declared[0]}`
      : declared.length === 0
        ? `no training and data-mining permission declared (expected ${uses.join(' or ')})`
        : `training and data mining declared ${declared.join(' / ')}, expected ${uses.join(' or ')}`,
    expected: { operator: 'in', value: uses },
    actual: declared.length ? declared.join(',') : null,
    evidence: `C2PA: ${asset.terms?.c2pa?.trainingMining ?? 'none'}; XMP: ${asset.terms?.xmp?.trainingMining ?? 'none'}; rules ${wanted.map((w) => `"${w.glob}": ${w.use}`).join(', ')}`,
    remediation: `Mark the asset with rai-audit assets mark … --training-mining ${uses[0]}.`,
  };
}
