import type { AssetResult, Check, CheckLevel } from '@rai-audit/core';
import type { AssetRequirementSet } from './asset-rules.js';
import { c2paManifestFinding, c2paSignerFinding } from './c2pa-checks.js';
import {
  AI_DECLARATION_CHECK,
  C2PA_MANIFEST_CHECK,
  C2PA_SIGNER_CHECK,
  COVERED_CHECK,
  READABLE_CHECK,
  WATERMARK_CHECK,
} from './check-definitions.js';
import { toCheck, type Finding } from './check-finding.js';
import type { AssetErrorReason } from './collect-assets.js';
import { aiDeclarationFinding, watermarkFinding } from './label-checks.js';
import {
  LICENSE_CHECK,
  licenseFinding,
  TRAINING_MINING_CHECK,
  trainingMiningFinding,
} from '../terms/terms-checks.js';

const READABLE_REMEDIATION: Readonly<Record<AssetErrorReason, string>> = {
  unreadable: 'Check that the path exists and that the user running rai-audit may read it.',
  'symlink-loop': 'Remove or fix the symbolic link that leads back into its own folder.',
  'not-a-file': 'Keep only regular files in the verified folder, or narrow the inputs with a glob.',
  empty: 'The file is empty: check the step that wrote it, and regenerate it.',
  'unsupported-type':
    'Verify only media files (JPEG, PNG, WebP, AVIF, HEIC, GIF, SVG, TIFF, MP4/MOV, WAV, MP3, FLAC, M4A, PDF), or narrow the inputs with a glob.',
  mislabelled:
    'Rename the file to the extension of its content, or convert it to the format its name promises and re-sign it.',
  corrupt: 'The file is truncated or damaged: regenerate it from its source and sign it again.',
  'too-large':
    'Raise --max-pixels only for images you trust (decoding needs 3 bytes per pixel), or publish a downscaled image.',
  timeout:
    'Verification took longer than --timeout-ms: raise it for very large files, or report the file if it hangs.',
  crashed:
    'The verifier failed on this file: run again with --debug, and report it with the file if it happens again.',
  'internal-error':
    'The verifier failed on this file: run again with --debug, and report it with the file if it happens again.',
};

function readableFinding(asset: AssetResult): Finding {
  const reason = (asset.error?.reason ?? 'unreadable') as AssetErrorReason;
  const message = asset.error?.message ?? 'the asset could not be verified';
  return {
    outcome: 'fail',
    message: `${reason}: ${message}`,
    expected: { operator: '==', value: 'verified' },
    actual: reason,
    evidence: `${asset.mediaType ? `content ${asset.mediaType}, ` : ''}${asset.size} bytes; ${message}`,
    remediation: READABLE_REMEDIATION[reason] ?? READABLE_REMEDIATION.unreadable,
  };
}

function coveredFinding(): Finding {
  return {
    outcome: 'fail',
    message: 'no policy rule covers this asset',
    expected: { operator: 'present', value: true },
    actual: null,
    evidence: 'its path matches none of the globs under `assets:` in the policy',
    remediation:
      'Add a glob under `assets:` in the policy that matches this path (for example "generated/**"), or remove the file from the verified inputs.',
  };
}

export interface AssetCheckContext {
  /** The policy's level for a check id (its default when the policy does not set it). */
  readonly levelOf: (id: string) => CheckLevel;
  /** The asset as the user names it: the check's subject.file. */
  readonly file: string;
}

/**
 * The checks of one asset, in a fixed order: readable and covered (only when they do not pass: they would
 * otherwise repeat for every asset), then one check per requirement its rules set. Checks at level off are left out.
 */
export function evaluateAssetChecks(
  asset: AssetResult,
  requirements: AssetRequirementSet,
  context: AssetCheckContext,
): Check[] {
  const findings: Array<[string, Finding]> = [];
  if (asset.status === 'error') findings.push([READABLE_CHECK, readableFinding(asset)]);
  if (requirements.globs.length === 0) findings.push([COVERED_CHECK, coveredFinding()]);
  if (requirements.c2pa) findings.push([C2PA_MANIFEST_CHECK, c2paManifestFinding(asset, requirements.c2pa)]);
  if (requirements.signers.length > 0)
    findings.push([C2PA_SIGNER_CHECK, c2paSignerFinding(asset, requirements.signers)]);
  const { required, forbidden } = requirements.aiDeclaration;
  if (required.length + forbidden.length > 0)
    findings.push([AI_DECLARATION_CHECK, aiDeclarationFinding(asset, requirements.aiDeclaration)]);
  if (requirements.watermark)
    findings.push([WATERMARK_CHECK, watermarkFinding(asset, requirements.watermark)]);
  const { terms } = requirements;
  if (terms && terms.license.length > 0) findings.push([LICENSE_CHECK, licenseFinding(asset, terms.license)]);
  if (terms && terms.trainingMining.length > 0)
    findings.push([TRAINING_MINING_CHECK, trainingMiningFinding(asset, terms.trainingMining)]);
  return findings.flatMap(([id, finding]) => {
    const check = toCheck(id, context.levelOf(id), context.file, finding);
    return check ? [check] : [];
  });
}
