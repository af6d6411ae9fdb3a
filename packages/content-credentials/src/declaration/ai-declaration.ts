import type { ContentCredentialsEvidence } from '../c2pa/evidence.js';
import {
  categorizeDigitalSourceType,
  declaresGenerativeAi,
  normalizeDigitalSourceType,
  type DigitalSourceCategory,
} from './digital-source-type.js';
import type { XmpDigitalSourceTypeLabel } from './read-xmp.js';

export type DeclarationSource = 'c2pa-active' | 'c2pa-ingredient' | 'xmp';
export const DECLARATION_SOURCES: readonly DeclarationSource[] = ['c2pa-active', 'c2pa-ingredient', 'xmp'];

/** One digital source type declared somewhere in the asset. */
export interface DigitalSourceTypeClaim {
  readonly source: DeclarationSource;
  /** The full IPTC URI (see `normalizeDigitalSourceType`). */
  readonly value: string;
  /** As written, before normalisation. */
  readonly raw: string;
  readonly category: DigitalSourceCategory;
  /** C2PA: the manifest label and action (`c2pa.created`, …); XMP: null. */
  readonly manifestLabel: string | null;
  readonly action: string | null;
  /** XMP: where the packet was (`png iTXt XML:com.adobe.xmp`, …) and the prefix used; C2PA: null. */
  readonly where: string | null;
  readonly prefix: string | null;
}

/** What one source says overall: the strongest AI claim among its values, `not-ai` if it only declares others. */
export type SourceStance = 'generative-ai' | 'composite-with-ai' | 'not-ai' | 'unrecognised' | 'none';

export interface SourceDeclaration {
  readonly source: DeclarationSource;
  readonly stance: SourceStance;
  /** Distinct normalised values, sorted. */
  readonly values: readonly string[];
}

export type AiDeclarationVerdict = 'ai-generated' | 'composite-with-ai' | 'not-declared' | 'conflicting';

export interface SourceDisagreement {
  readonly sources: readonly [DeclarationSource, DeclarationSource];
  readonly detail: string;
}

export interface AiGenerationDeclaration {
  readonly verdict: AiDeclarationVerdict;
  /** One sentence for a report. */
  readonly summary: string;
  readonly sources: readonly SourceDeclaration[];
  readonly disagreements: readonly SourceDisagreement[];
  readonly claims: readonly DigitalSourceTypeClaim[];
}

function c2paClaims(evidence: ContentCredentialsEvidence | undefined): DigitalSourceTypeClaim[] {
  if (evidence?.outcome !== 'manifest') return [];
  return evidence.manifests.flatMap((manifest) =>
    manifest.actions.flatMap((action) => {
      const value =
        action.digitalSourceType === null ? undefined : normalizeDigitalSourceType(action.digitalSourceType);
      if (value === undefined) return [];
      const source: DeclarationSource = manifest.role === 'active' ? 'c2pa-active' : 'c2pa-ingredient';
      const category = categorizeDigitalSourceType(value);
      const claim = {
        source,
        value,
        raw: action.digitalSourceType!,
        category,
        manifestLabel: manifest.label,
      };
      return [{ ...claim, action: action.action, where: null, prefix: null }];
    }),
  );
}

function xmpClaims(labels: readonly XmpDigitalSourceTypeLabel[]): DigitalSourceTypeClaim[] {
  return labels.flatMap((label) => {
    const value = normalizeDigitalSourceType(label.value);
    if (value === undefined) return [];
    const category = categorizeDigitalSourceType(value);
    const location = { manifestLabel: null, action: null, where: label.where, prefix: label.prefix };
    return [{ source: 'xmp' as const, value, raw: label.value, category, ...location }];
  });
}

function stanceOf(claims: readonly DigitalSourceTypeClaim[]): SourceStance {
  const categories = new Set(claims.map((claim) => claim.category));
  if (categories.has('composite-with-ai')) return 'composite-with-ai';
  if (categories.has('generative-ai')) return 'generative-ai';
  if (categories.has('not-ai') || categories.has('algorithmic')) return 'not-ai';
  return categories.size > 0 ? 'unrecognised' : 'none';
}

function declaresAi(stance: SourceStance): boolean {
  return stance === 'generative-ai' || stance === 'composite-with-ai';
}

function summarizeSources(claims: readonly DigitalSourceTypeClaim[]): SourceDeclaration[] {
  return DECLARATION_SOURCES.map((source) => {
    const own = claims.filter((claim) => claim.source === source);
    return { source, stance: stanceOf(own), values: [...new Set(own.map((claim) => claim.value))].sort() };
  });
}

type Stances = Readonly<Record<DeclarationSource, SourceStance>>;

function stancesOf(sources: readonly SourceDeclaration[]): Stances {
  const stances: Record<DeclarationSource, SourceStance> = {
    'c2pa-active': 'none',
    'c2pa-ingredient': 'none',
    xmp: 'none',
  };
  for (const declaration of sources) stances[declaration.source] = declaration.stance;
  return stances;
}

const COMPARED_PAIRS: readonly (readonly [DeclarationSource, DeclarationSource])[] = [
  ['c2pa-active', 'xmp'],
  ['c2pa-active', 'c2pa-ingredient'],
  ['xmp', 'c2pa-ingredient'],
];

function isSilent(stance: SourceStance): boolean {
  return stance === 'none' || stance === 'unrecognised';
}

/**
 * Pairs of sources whose stances differ and both say something. The active manifest and XMP describe the asset
 * itself; an ingredient describes a part, so only its AI claim against an asset-level "not AI" is listed.
 */
function findDisagreements(stances: Stances): SourceDisagreement[] {
  return COMPARED_PAIRS.flatMap(([first, second]) => {
    const [a, b] = [stances[first], stances[second]];
    if (a === b || isSilent(a) || isSilent(b)) return [];
    if (second === 'c2pa-ingredient' && !(a === 'not-ai' && declaresAi(b))) return [];
    return [{ sources: [first, second] as const, detail: `${first} declares ${a}, ${second} declares ${b}` }];
  });
}

function decideVerdict(stances: Stances): AiDeclarationVerdict {
  const assetLevel = [stances['c2pa-active'], stances.xmp];
  if (assetLevel.some(declaresAi) && assetLevel.includes('not-ai')) return 'conflicting';
  if (assetLevel.includes('composite-with-ai')) return 'composite-with-ai';
  if (assetLevel.includes('generative-ai')) return 'ai-generated';
  return declaresAi(stances['c2pa-ingredient']) ? 'composite-with-ai' : 'not-declared';
}

const SUMMARIES: Readonly<Record<AiDeclarationVerdict, string>> = {
  'ai-generated': 'declared as generated by AI',
  'composite-with-ai': 'declared as containing AI-generated content',
  'not-declared': 'no AI generation declared',
  conflicting: 'sources disagree on AI generation',
};

/**
 * The AI-generation declaration of an asset from its C2PA evidence (active manifest and every ingredient manifest)
 * and the DigitalSourceType labels of its XMP: which source declared what, a verdict, and where sources disagree.
 * `algorithmicMedia` alone is not generative AI; nor is a declaration's absence proof of anything.
 */
export function declareAiGeneration(input: {
  readonly c2pa?: ContentCredentialsEvidence;
  readonly xmp: readonly XmpDigitalSourceTypeLabel[];
}): AiGenerationDeclaration {
  const claims = [...c2paClaims(input.c2pa), ...xmpClaims(input.xmp)];
  const sources = summarizeSources(claims);
  const stances = stancesOf(sources);
  const verdict = decideVerdict(stances);
  const declaring = sources.filter((source) => declaresAi(source.stance)).map((source) => source.source);
  const by = declaring.length > 0 ? ` (${declaring.join(', ')})` : '';
  return {
    verdict,
    summary: SUMMARIES[verdict] + by,
    sources,
    disagreements: findDisagreements(stances),
    claims,
  };
}

/** True when any claim declares generative AI (whole or part), whichever source made it. */
export function hasGenerativeAiClaim(claims: readonly DigitalSourceTypeClaim[]): boolean {
  return claims.some((claim) => declaresGenerativeAi(claim.category));
}
