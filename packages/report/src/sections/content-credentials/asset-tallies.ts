import type { AssetDeclaration, AssetWatermark, Check, ContentCredentialsSection } from '@rai-audit/core';
import { isFailing } from '@rai-audit/core';
import { C2PA_BADGES, DECLARATION_BADGES, WATERMARK_BADGES, c2paBadgeKey } from './asset-labels.js';
import type { C2paBadgeKey } from './asset-labels.js';
import type { Badge } from '../../presentation.js';

/** One count of a tally row: how many assets carry a badge. */
export interface AssetTally {
  readonly badge: Badge;
  readonly count: number;
}

/** The counts of a content-credentials section, row by row, every category listed even when it is zero. */
export interface AssetTallies {
  readonly assets: number;
  readonly verified: number;
  readonly errors: number;
  readonly failing: number;
  readonly c2pa: readonly AssetTally[];
  readonly declaration: readonly AssetTally[];
  readonly watermark: readonly AssetTally[];
}

const C2PA_ORDER: readonly C2paBadgeKey[] = [
  'Trusted',
  'Valid',
  'Invalid',
  'no-manifest',
  'remote-manifest',
  'error',
];
const DECLARATION_ORDER: readonly AssetDeclaration['verdict'][] = [
  'ai-generated',
  'composite-with-ai',
  'conflicting',
  'not-declared',
];
const WATERMARK_ORDER: readonly AssetWatermark['status'][] = ['found', 'not found', 'skipped'];

function tally<K extends string>(
  order: readonly K[],
  badges: Readonly<Record<K, Badge>>,
  keys: readonly K[],
): AssetTally[] {
  return order.map((key) => ({ badge: badges[key], count: keys.filter((k) => k === key).length }));
}

/**
 * Counts the assets of a section by outcome, C2PA state, AI declaration and watermark; assets without a
 * declaration or watermark result (errors, skipped readers) are left out of those rows.
 */
export function tallyAssets(
  section: ContentCredentialsSection,
  checksByAsset: ReadonlyMap<string, readonly Check[]>,
): AssetTallies {
  const { assets } = section;
  const declarations = assets.flatMap((a) => (a.declaration === undefined ? [] : [a.declaration.verdict]));
  const watermarks = assets.flatMap((a) => (a.watermark === undefined ? [] : [a.watermark.status]));
  return {
    assets: assets.length,
    verified: assets.filter((a) => a.status === 'verified').length,
    errors: assets.filter((a) => a.status === 'error').length,
    failing: assets.filter((a) => (checksByAsset.get(a.path) ?? []).some(isFailing)).length,
    c2pa: tally(
      C2PA_ORDER,
      C2PA_BADGES,
      assets.map((a) => c2paBadgeKey(a.c2pa)),
    ),
    declaration: tally(DECLARATION_ORDER, DECLARATION_BADGES, declarations),
    watermark: tally(WATERMARK_ORDER, WATERMARK_BADGES, watermarks),
  };
}

/** `3 Trusted, 1 Invalid`: the non-zero counts of a tally row, or `none` when every count is zero. */
export function describeTally(row: readonly AssetTally[]): string {
  const parts = row.filter((t) => t.count > 0).map((t) => `${t.count} ${t.badge.label}`);
  return parts.length === 0 ? 'none' : parts.join(', ');
}
