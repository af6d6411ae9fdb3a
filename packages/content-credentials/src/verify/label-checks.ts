import type { AssetDeclaration, AssetResult, Expected } from '@rai-audit/core';
import { KNOWN_WATERMARK_PAYLOADS } from '../watermark/payloads.js';
import { normalizeHexPayload, type AssetRequirementSet } from './asset-rules.js';
import { describeGlobs, type Finding } from './check-finding.js';

const AI_TYPE = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia';
const KNOWN_NAMES = KNOWN_WATERMARK_PAYLOADS.map((payload) => payload.name);

const DECLARE_REMEDIATION =
  `Declare the generation: add a \`c2pa.created\` action with digitalSourceType ${AI_TYPE} to the C2PA manifest ` +
  `before signing, and/or write it to XMP Iptc4xmpExt:DigitalSourceType ` +
  `(for example \`exiftool -XMP-iptcExt:DigitalSourceType=${AI_TYPE} <file>\`, then re-sign).`;

function describeSources(declaration: AssetDeclaration): string {
  const sources = declaration.sources.map(
    (source) =>
      `${source.source}: ${source.digitalSourceTypes.map((type) => type.replace(/^.*\//, '')).join(', ')}`,
  );
  const conflicts =
    declaration.conflicts.length > 0 ? `; disagreements: ${declaration.conflicts.join('; ')}` : '';
  return `${sources.length > 0 ? sources.join('; ') : 'no digital source type in C2PA actions or XMP'}${conflicts}`;
}

const REQUIRED: Expected = { operator: 'in', value: ['ai-generated', 'composite-with-ai'] };
const FORBIDDEN: Expected = { operator: '==', value: 'not-declared' };

function forbiddenFinding(declaration: AssetDeclaration, evidence: string, from: string): Finding {
  const clean = declaration.verdict === 'not-declared';
  return {
    outcome: clean ? 'pass' : 'fail',
    message: clean ? 'no AI generation declared' : `declared ${declaration.verdict}, forbidden by ${from}`,
    expected: FORBIDDEN,
    actual: declaration.verdict,
    evidence: `${evidence}; forbidden by ${from}`,
    remediation:
      'If the asset was generated with AI, move it out of the folder this rule covers; otherwise remove the wrong ' +
      'declaration and re-sign.',
  };
}

function requiredFinding(declaration: AssetDeclaration, evidence: string, from: string): Finding {
  const declared = declaration.verdict === 'ai-generated' || declaration.verdict === 'composite-with-ai';
  const conflicting = declaration.verdict === 'conflicting';
  return {
    outcome: declared ? 'pass' : 'fail',
    message: declared
      ? `declared ${declaration.verdict}`
      : conflicting
        ? 'the C2PA manifest and the XMP disagree on AI generation'
        : 'no AI-generation declaration',
    expected: REQUIRED,
    actual: declaration.verdict,
    evidence: `${evidence}; required by ${from}`,
    remediation: conflicting
      ? 'Make the declarations agree: the C2PA actions and the XMP DigitalSourceType must both say how the asset ' +
        'was made; fix the wrong one and re-sign.'
      : DECLARE_REMEDIATION,
  };
}

/** `assets.ai-declaration`: required (generative AI declared, without contradiction) or forbidden (none declared). */
export function aiDeclarationFinding(
  asset: AssetResult,
  demands: AssetRequirementSet['aiDeclaration'],
): Finding {
  const { required, forbidden } = demands;
  const declaration = asset.declaration;
  if (!declaration) {
    const why = asset.error?.message ?? 'the asset was not read';
    return {
      outcome: 'error',
      message: `AI declaration not evaluated: ${why}`,
      expected: required.length > 0 ? REQUIRED : FORBIDDEN,
      actual: null,
      evidence: why,
      remediation:
        'Fix the asset so that it can be read (see the assets.readable check), then verify it again.',
    };
  }
  const evidence = `verdict ${declaration.verdict}; ${describeSources(declaration)}`;
  if (required.length > 0 && forbidden.length > 0) {
    return {
      outcome: 'error',
      message: `the policy contradicts itself: ${describeGlobs(required)} require an AI declaration, ${describeGlobs(forbidden)} forbid it`,
      expected: null,
      actual: declaration.verdict,
      evidence,
      remediation: 'Make the rules that match this asset agree on ai-declaration.',
    };
  }
  return required.length > 0
    ? requiredFinding(declaration, evidence, describeGlobs(required))
    : forbiddenFinding(declaration, evidence, describeGlobs(forbidden));
}

const WATERMARK_REMEDIATION =
  "Embed the watermark in the final image with the generator's invisible-watermark encoder, after resizing, cropping " +
  'and format conversion, and store it as PNG or as JPEG without 4:2:0 chroma subsampling (which destroys the mark).';

function acceptedPayloads(requirement: NonNullable<AssetRequirementSet['watermark']>): string[] {
  return [...(requirement.anyKnown ? KNOWN_NAMES : []), ...requirement.payloads];
}

/** `assets.watermark`: a dwtDct mark with a known payload (any-known) or one of the listed hex payloads. */
export function watermarkFinding(
  asset: AssetResult,
  requirement: NonNullable<AssetRequirementSet['watermark']>,
): Finding {
  const accepted = acceptedPayloads(requirement);
  const expected: Expected = { operator: 'in', value: accepted };
  const from = describeGlobs(requirement.globs);
  const watermark = asset.watermark;
  const base = { expected, remediation: WATERMARK_REMEDIATION };
  if (!watermark || (watermark.status === 'skipped' && asset.status === 'error')) {
    const why = watermark?.reason ?? asset.error?.message ?? 'the asset was not read';
    return {
      ...base,
      outcome: 'error',
      message: `watermark not evaluated: ${why}`,
      actual: null,
      evidence: why,
    };
  }
  if (watermark.status === 'skipped') {
    return {
      ...base,
      outcome: 'not-applicable',
      message: `watermark not applicable: ${watermark.reason ?? 'skipped'}`,
      actual: 'skipped',
      evidence: `${watermark.reason ?? 'skipped'}; required by ${from}`,
    };
  }
  if (watermark.status === 'not found') {
    const evidence = `dwtDct: no payload found among ${[...KNOWN_NAMES, ...requirement.payloads].join(', ')} (false-positive rate 1e-6 per image); required by ${from}`;
    return {
      ...base,
      outcome: 'fail',
      message: 'no invisible watermark found (the mark is fragile: its absence proves nothing)',
      actual: 'not found',
      evidence,
    };
  }
  const payload = watermark.payload ?? '';
  const ok = accepted.includes(payload) || requirement.payloads.includes(normalizeHexPayload(payload));
  const significance =
    watermark.bits === undefined
      ? ''
      : `: ${watermark.bitsMatched ?? 0}/${watermark.bits} bits, p = ${(watermark.pValue ?? 1).toExponential(1)}`;
  return {
    ...base,
    outcome: ok ? 'pass' : 'fail',
    message: ok ? `watermark ${payload} found` : `watermark ${payload} found, not accepted by ${from}`,
    actual: payload,
    evidence: `dwtDct: found ${payload}${significance}; accepted: ${accepted.join(', ')} (${from})`,
  };
}
