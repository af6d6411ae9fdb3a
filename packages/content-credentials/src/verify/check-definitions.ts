import { AssetRequirementsSchema, type CheckDefinition } from '@rai-audit/core';
import { termsCheckDefinitions } from '../terms/terms-checks.js';

export const C2PA_MANIFEST_CHECK = 'c2pa.manifest';
export const C2PA_SIGNER_CHECK = 'c2pa.signer';
export const AI_DECLARATION_CHECK = 'assets.ai-declaration';
export const WATERMARK_CHECK = 'assets.watermark';
export const COVERED_CHECK = 'assets.covered';
export const READABLE_CHECK = 'assets.readable';

/**
 * These checks take no options: the requirements live in the policy's `assets:` globs. The empty strict object
 * schema is taken from core, because this package does not depend on zod itself.
 */
const NoOptions: CheckDefinition['options'] = AssetRequirementsSchema.pick({});

function definition(
  id: string,
  title: string,
  description: string,
  defaultLevel: 'error' | 'warn',
): CheckDefinition {
  return {
    id,
    area: 'content-credentials',
    title,
    description,
    defaultLevel,
    options: NoOptions,
    defaultOptions: {},
  };
}

/** The checks of `rai-audit assets verify`; `checks:` in a policy sets their levels (error, warn, off). */
export const contentCredentialsCheckDefinitions: CheckDefinition[] = [
  definition(
    C2PA_MANIFEST_CHECK,
    'C2PA manifest',
    'Assets matching a rule with `c2pa: present | valid | trusted` must carry a C2PA manifest that is present, ' +
      'validates (Valid or Trusted), or chains to a trust anchor given with --trust (Trusted).',
    'error',
  ),
  definition(
    C2PA_SIGNER_CHECK,
    'C2PA signer',
    'Assets matching a rule with `signer: [names]` must be signed, with a manifest that validates, by a certificate ' +
      'whose common name or organisation is one of the names.',
    'error',
  ),
  definition(
    AI_DECLARATION_CHECK,
    'AI-generation declaration',
    'Assets matching a rule with `ai-declaration: required` must declare generative AI (IPTC digital source type ' +
      'trainedAlgorithmicMedia or a composite) in their C2PA actions or XMP, without contradiction; `forbidden` ' +
      'requires that no source declares it.',
    'error',
  ),
  definition(
    WATERMARK_CHECK,
    'Invisible watermark',
    'Images matching a rule with `watermark: any-known | [hex…]` must carry a dwtDct watermark with a known ' +
      'generator payload or one of the listed payloads.',
    'error',
  ),
  definition(
    COVERED_CHECK,
    'Covered by a policy rule',
    'Every asset should match at least one glob of the policy’s `assets:` rules; an asset no rule covers is not gated.',
    'warn',
  ),
  definition(
    READABLE_CHECK,
    'Asset readable',
    'Every asset must be a readable, complete file of a supported media type whose name matches its content, ' +
      'within the pixel limit and the time limit.',
    'error',
  ),
  ...termsCheckDefinitions,
];
