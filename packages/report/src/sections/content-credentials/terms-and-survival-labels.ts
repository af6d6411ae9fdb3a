import type { AssetTerms, SurvivalCell } from '@rai-audit/core';
import type { Badge } from '../../presentation.js';

/** How an asset's terms and a survival cell read to a person, shared by the HTML and Markdown reports. */

const TRAINING_WORDS: Readonly<Record<string, string>> = {
  allowed: 'allowed',
  notAllowed: 'not allowed',
  constrained: 'constrained (see the licence)',
};

type TermField = 'author' | 'copyright' | 'license' | 'trainingMining';

export const TERM_LABELS: Readonly<Record<TermField, string>> = {
  author: 'Author',
  copyright: 'Copyright',
  license: 'Licence',
  trainingMining: 'AI training and mining',
};

function valuesOf(terms: AssetTerms, field: TermField): { c2pa?: string; xmp?: string } {
  const c2pa = field === 'copyright' ? terms.c2pa?.copyrightHolder : terms.c2pa?.[field];
  const xmp = terms.xmp?.[field];
  const word = (v: string | undefined) =>
    v !== undefined && field === 'trainingMining' ? (TRAINING_WORDS[v] ?? v) : v;
  return { c2pa: word(c2pa), xmp: word(xmp) };
}

/**
 * Each term the asset states, with where it was read: `Ada (C2PA, XMP)` when both agree, `Ada (C2PA); Ann (XMP)`
 * when they differ. Plain text (the caller escapes it); fields no source states are left out.
 */
export function describeAssetTerms(terms: AssetTerms | undefined): Array<[label: string, text: string]> {
  if (terms === undefined) return [];
  return (Object.keys(TERM_LABELS) as TermField[]).flatMap((field) => {
    const { c2pa, xmp } = valuesOf(terms, field);
    if (c2pa === undefined && xmp === undefined) return [];
    const text =
      c2pa !== undefined && xmp !== undefined
        ? c2pa === xmp || (field === 'copyright' && xmp.replace(/^©\s*/, '') === c2pa)
          ? `${xmp} (C2PA, XMP)`
          : `${c2pa} (C2PA); ${xmp} (XMP)`
        : `${c2pa ?? xmp} (${c2pa !== undefined ? 'C2PA' : 'XMP'})`;
    return [[TERM_LABELS[field], text]];
  });
}

export const SURVIVAL_C2PA_BADGES: Readonly<Record<SurvivalCell['c2pa'], Badge>> = {
  valid: { icon: '✔', label: 'valid', className: 'pass' },
  invalid: { icon: '▲', label: 'invalid', className: 'warn' },
  absent: { icon: '✖', label: 'lost', className: 'fail' },
};

const SOURCE_WORDS: Readonly<Record<string, string>> = {
  'c2pa-active': 'C2PA',
  'c2pa-ingredient': 'C2PA ingredient',
  c2pa: 'C2PA',
  xmp: 'XMP',
};

/** A mark that reads from some sources: kept (naming them) or lost. */
export function describeSources(sources: readonly string[]): { kept: boolean; text: string } {
  return sources.length === 0
    ? { kept: false, text: 'lost' }
    : { kept: true, text: sources.map((s) => SOURCE_WORDS[s] ?? s).join(', ') };
}

export const KEPT_BADGE: Badge = { icon: '✔', label: 'kept', className: 'pass' };
export const LOST_BADGE: Badge = { icon: '✖', label: 'lost', className: 'fail' };
export const FAILED_BADGE: Badge = { icon: '⊘', label: 'error', className: 'error' };

/** The four marks of a cell as [badge, words], in matrix column order: C2PA, AI label, terms, watermark. */
export function describeSurvivalCell(cell: SurvivalCell): Array<[Badge, string]> {
  const ai = describeSources(cell.aiLabel);
  const terms = describeSources(cell.terms);
  return [
    [SURVIVAL_C2PA_BADGES[cell.c2pa], SURVIVAL_C2PA_BADGES[cell.c2pa].label],
    [ai.kept ? KEPT_BADGE : LOST_BADGE, ai.text],
    [terms.kept ? KEPT_BADGE : LOST_BADGE, terms.text],
    cell.watermark === null ? [LOST_BADGE, 'not found'] : [KEPT_BADGE, cell.watermark],
  ];
}

export const SURVIVAL_COLUMNS = ['C2PA valid', 'AI label', 'Terms', 'Watermark'] as const;
