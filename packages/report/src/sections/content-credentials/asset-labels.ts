import type {
  AssetC2pa,
  AssetDeclaration,
  AssetResult,
  AssetWatermark,
  ContentCredentialsSection,
} from '@rai-audit/core';
import type { Badge } from '../../presentation.js';
import { formatBytes, formatNumber } from '../../presentation.js';

/**
 * How the evidence of a content-credentials section reads to a person, shared by the HTML and Markdown reports.
 * Every state has a shape and a word as well as a colour.
 */

export type C2paBadgeKey = NonNullable<AssetC2pa['state']> | Exclude<AssetC2pa['outcome'], 'manifest'>;

export const C2PA_BADGES: Readonly<Record<C2paBadgeKey, Badge>> = {
  Trusted: { icon: '★', label: 'Trusted', className: 'pass' },
  Valid: { icon: '✔', label: 'Valid', className: 'pass' },
  Invalid: { icon: '✖', label: 'Invalid', className: 'fail' },
  'no-manifest': { icon: '○', label: 'No manifest', className: 'na' },
  'remote-manifest': { icon: '◌', label: 'Remote manifest (not fetched)', className: 'warn' },
  error: { icon: '⊘', label: 'Not read', className: 'error' },
};

/** The badge of an asset's C2PA evidence: its validation state, or why there is none. */
export function c2paBadgeKey(c2pa: AssetC2pa | undefined): C2paBadgeKey {
  if (c2pa === undefined) return 'error';
  // A manifest without a state cannot be relied on: the verifier treats it as Invalid.
  return c2pa.outcome === 'manifest' ? (c2pa.state ?? 'Invalid') : c2pa.outcome;
}

export const DECLARATION_BADGES: Readonly<Record<AssetDeclaration['verdict'], Badge>> = {
  'ai-generated': { icon: '●', label: 'AI-generated', className: 'info' },
  'composite-with-ai': { icon: '◐', label: 'Composite with AI', className: 'info' },
  conflicting: { icon: '▲', label: 'Conflicting', className: 'warn' },
  'not-declared': { icon: '○', label: 'Not declared', className: 'na' },
};

export const DECLARATION_SOURCE_LABELS: Readonly<
  Record<AssetDeclaration['sources'][number]['source'], string>
> = {
  'c2pa-active': 'C2PA active manifest',
  'c2pa-ingredient': 'C2PA ingredient',
  xmp: 'XMP (IPTC)',
};

export const WATERMARK_BADGES: Readonly<Record<AssetWatermark['status'], Badge>> = {
  found: { icon: '●', label: 'Found', className: 'info' },
  // "not found", never "absent": the mark is fragile, so not finding it proves nothing.
  'not found': { icon: '○', label: 'Not found', className: 'na' },
  skipped: { icon: '–', label: 'Skipped', className: 'na' },
};

const IPTC_DIGITAL_SOURCE_TYPE = /^https?:\/\/cv\.iptc\.org\/newscodes\/digitalsourcetype\/([A-Za-z]+)$/;

/**
 * An IPTC digital source type by its term (`trainedAlgorithmicMedia`); any other value as given. The term alone
 * keeps the table narrow and keeps the vocabulary's URL out of the report, where it would look like a link.
 */
export function digitalSourceTypeTerm(value: string): string {
  return IPTC_DIGITAL_SOURCE_TYPE.exec(value.trim())?.[1] ?? value;
}

/** A p-value: scientific notation below 0.001, where a watermark match usually lands. */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return 'undefined';
  if (p === 0) return '0';
  return p < 0.001 ? p.toExponential(1) : formatNumber(p);
}

/** `found: StableDiffusionV1 (136/136 bits, p=1.2e-41)`, `not found` or `skipped: reason`. */
export function describeWatermark(watermark: AssetWatermark): string {
  if (watermark.status === 'not found') return 'not found';
  if (watermark.status === 'skipped') return `skipped: ${watermark.reason ?? 'no reason given'}`;
  const details: string[] = [];
  if (watermark.bitsMatched !== undefined && watermark.bits !== undefined) {
    details.push(`${watermark.bitsMatched}/${watermark.bits} bits`);
  }
  if (watermark.pValue !== undefined) details.push(`p=${formatPValue(watermark.pValue)}`);
  const payload = watermark.payload ?? 'unnamed payload';
  return details.length === 0 ? `found: ${payload}` : `found: ${payload} (${details.join(', ')})`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${formatNumber(ms / 1000)} s`;
}

/** The settings of a verification as term/value pairs, in the order a reader needs them. */
export function describeAssetSettings(section: ContentCredentialsSection): [string, string][] {
  const { at, trustAnchors, allowNetwork, workers, timeoutMs, maxPixels } = section.settings;
  return [
    ['Verified', section.root],
    ['Validation time', at ?? 'now (the clock when the audit ran)'],
    ['Trust anchors', trustAnchors ?? 'none (no manifest can be Trusted)'],
    [
      'Network',
      allowNetwork
        ? 'allowed: remote manifests are fetched'
        : 'not allowed: remote manifests are reported, never fetched',
    ],
    ['Workers', workers === 1 ? '1 thread' : `${workers} threads`],
    ['Time limit', timeoutMs === null ? 'none' : `${formatDuration(timeoutMs)} per asset`],
    [
      'Pixel limit',
      `${formatBytes(maxPixels).replace(/ bytes?$/, '')} pixels (${formatNumber(maxPixels / 1e6)} MP)`,
    ],
  ];
}

/** Media type and size of an asset, e.g. `image/png, 48,213 bytes`. */
export function describeAssetFile(asset: AssetResult): string {
  return `${asset.mediaType ?? 'unknown type'}, ${formatBytes(asset.size)}`;
}
