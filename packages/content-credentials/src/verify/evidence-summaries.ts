import type { AssetC2pa, AssetDeclaration, AssetWatermark, C2paStatusCode } from '@rai-audit/core';
import type {
  ContentCredentialsEvidence,
  ValidationStatusEntry,
  ValidationStatusGroups,
} from '../c2pa/evidence.js';
import type { AiGenerationDeclaration } from '../declaration/ai-declaration.js';
import type { WatermarkDetection } from '../watermark/dwtdct.js';

const KINDS = ['success', 'informational', 'failure'] as const;

function statusCodes(groups: ValidationStatusGroups, scope: C2paStatusCode['scope']): C2paStatusCode[] {
  return KINDS.flatMap((kind) =>
    groups[kind].map((entry: ValidationStatusEntry) => ({
      code: entry.code,
      kind,
      scope,
      ...(entry.explanation ? { explanation: entry.explanation } : {}),
    })),
  );
}

type SignerSummary = NonNullable<AssetC2pa['signer']>;

function signerSummary(signer: {
  issuer: string | null;
  commonName: string | null;
  time: string | null;
}): SignerSummary {
  const summary: { -readonly [K in keyof SignerSummary]: SignerSummary[K] } = {};
  if (signer.issuer !== null) summary.issuer = signer.issuer;
  if (signer.commonName !== null) summary.commonName = signer.commonName;
  if (signer.time !== null) summary.time = signer.time;
  return summary;
}

/** The report's view of the C2PA evidence: state, every status code with its scope, the active manifest's facts. */
export function summarizeC2pa(evidence: ContentCredentialsEvidence): AssetC2pa {
  const none = { codes: [], actions: [], ingredients: 0 };
  switch (evidence.outcome) {
    case 'no-manifest':
      return { outcome: 'no-manifest', ...none, reason: evidence.reason };
    case 'remote-manifest':
      return {
        outcome: 'remote-manifest',
        embedded: false,
        remoteUrl: evidence.remoteUrl,
        ...none,
        reason: evidence.reason,
      };
    case 'error':
      return { outcome: 'error', ...none, reason: evidence.reason };
    case 'manifest':
      break;
  }
  const { validation } = evidence;
  const active = evidence.manifests[0];
  const signer = active ? signerSummary(active.signer) : {};
  return {
    outcome: 'manifest',
    embedded: evidence.location === 'embedded',
    ...(evidence.remoteUrl === null ? {} : { remoteUrl: evidence.remoteUrl }),
    state: validation.state,
    codes: [
      ...statusCodes(validation.activeManifest, 'active'),
      ...validation.ingredientDeltas.flatMap((delta) => statusCodes(delta, 'ingredient')),
    ],
    ...(Object.keys(signer).length > 0 ? { signer } : {}),
    ...(active?.claimGenerator ? { claimGenerator: active.claimGenerator } : {}),
    actions: active ? active.actions.map((action) => action.action) : [],
    ingredients: active ? active.ingredients.length : 0,
  };
}

/** Which source declared which digital source types, the verdict, and the disagreements in words. */
export function summarizeDeclaration(declaration: AiGenerationDeclaration): AssetDeclaration {
  return {
    verdict: declaration.verdict,
    sources: declaration.sources
      .filter((source) => source.values.length > 0)
      .map((source) => ({ source: source.source, digitalSourceTypes: [...source.values] })),
    conflicts: declaration.disagreements.map((disagreement) => disagreement.detail),
  };
}

/** Found (with the payload and its significance), not found, or skipped with the detector's note. */
export function summarizeWatermark(detection: WatermarkDetection): AssetWatermark {
  if (detection.note !== undefined) return { status: 'skipped', reason: detection.note };
  if (detection.status !== 'found') return { status: 'not found' };
  const best = detection.payloads.find((payload) => payload.name === detection.payload);
  return {
    status: 'found',
    payload: detection.payload,
    ...(best ? { bitsMatched: best.matchingBits, bits: best.bitLength, pValue: best.pValue } : {}),
  };
}
