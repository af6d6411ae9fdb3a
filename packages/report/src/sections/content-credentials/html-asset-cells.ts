import type { AssetDeclaration, AssetResult, AssetWatermark, Check } from '@rai-audit/core';
import {
  DECLARATION_BADGES,
  DECLARATION_SOURCE_LABELS,
  WATERMARK_BADGES,
  describeAssetFile,
  describeWatermark,
  digitalSourceTypeTerm,
} from './asset-labels.js';
import { escapeHtml } from '../../escape.js';
import { renderBadge } from '../../html/checks.js';
import { STATUS_BADGES } from '../../presentation.js';
import { thumbnailSource } from './thumbnail-data-uri.js';
import { describeAssetTerms } from './terms-and-survival-labels.js';

const NO_PREVIEW: Readonly<Record<'none' | 'rejected' | 'too-large', string>> = {
  none: 'no preview',
  rejected: 'preview withheld: not a PNG, JPEG or WebP data URI',
  'too-large': 'preview withheld: too large to embed',
};

/** The thumbnail as an inline data image (checked again here), or why there is none. */
export function renderPreviewCell(asset: AssetResult): string {
  const source = thumbnailSource(asset.thumbnail);
  if (source.kind === 'image') {
    // alt is empty: the row header beside the image names the asset.
    return `<td class="preview"><img src="${escapeHtml(source.src)}" alt=""></td>`;
  }
  const isImage = asset.mediaType?.startsWith('image/') === true;
  const text = source.kind === 'none' && !isImage ? 'not an image' : NO_PREVIEW[source.kind];
  return `<td class="preview"><span class="muted">${text}</span></td>`;
}

/** The policy globs that matched, or a plain statement that none did. */
function rulesLine(rules: readonly string[]): string {
  const globs = rules.map((rule) => `<code>${escapeHtml(rule)}</code>`).join(', ');
  return `<span class="asset-line">Rules: ${rules.length === 0 ? '<span class="muted">none, not covered</span>' : globs}</span>`;
}

/** Who made and owns the asset and whether it may be trained on, each with where it was read. */
function termsLines(asset: AssetResult): string {
  const terms = describeAssetTerms(asset.terms);
  if (terms.length === 0) return '';
  const items = terms.map(([label, text]) => `<li>${label}: ${escapeHtml(text)}</li>`);
  return `<ul class="plain asset-list asset-terms">${items.join('')}</ul>`;
}

/**
 * The row header: the asset's path, media type and size, its terms (author, copyright, licence, training), the
 * policy rules that matched, and the reason when it could not be verified.
 */
export function renderAssetHeaderCell(asset: AssetResult, id: string): string {
  const error =
    asset.status === 'error'
      ? `<span class="asset-line">${renderBadge(STATUS_BADGES.error, `Error: ${asset.error?.reason ?? 'unknown'}`)}</span>` +
        `<span class="asset-line asset-error">${escapeHtml(asset.error?.message ?? 'the asset could not be verified')}</span>`
      : '';
  return [
    `<th scope="row" id="${id}">`,
    `<code class="asset-path">${escapeHtml(asset.path)}</code>`,
    `<span class="asset-line muted">${escapeHtml(describeAssetFile(asset))}</span>`,
    termsLines(asset),
    rulesLine(asset.rules),
    error,
    '</th>',
  ].join('');
}

/** A source type by its IPTC term, with break opportunities between its words (`trained<wbr>Algorithmic…`). */
function renderDigitalSourceType(value: string): string {
  const term = digitalSourceTypeTerm(value);
  const escaped = escapeHtml(term);
  return term === value ? escaped : escaped.replace(/(?<=[a-z])(?=[A-Z])/g, '<wbr>');
}

function sourceItems(declaration: AssetDeclaration): string {
  if (declaration.sources.length === 0) {
    return '<span class="asset-line muted">no source declares a digital source type</span>';
  }
  const items = declaration.sources.map((source) => {
    const types = source.digitalSourceTypes.map(renderDigitalSourceType).join(', ');
    return `<li>${escapeHtml(DECLARATION_SOURCE_LABELS[source.source])}: ${types || '<span class="muted">none</span>'}</li>`;
  });
  return `<ul class="plain asset-list">${items.join('')}</ul>`;
}

/** The AI-generation declaration: the verdict, which source declared what, and disagreements spelled out. */
export function renderDeclarationCell(declaration: AssetDeclaration | undefined): string {
  if (declaration === undefined) return '<td><span class="muted">not read</span></td>';
  const conflicts = declaration.conflicts.map(
    (conflict) =>
      `<span class="asset-line conflict"><strong><span aria-hidden="true">▲</span> Conflict:</strong> ${escapeHtml(conflict)}</span>`,
  );
  return [
    '<td>',
    renderBadge(DECLARATION_BADGES[declaration.verdict]),
    sourceItems(declaration),
    ...conflicts,
    '</td>',
  ].join('');
}

/** The watermark in one line, shape and words: found with payload, bits and p-value; not found; or skipped with why. */
export function renderWatermarkCell(watermark: AssetWatermark | undefined): string {
  if (watermark === undefined) return '<td><span class="muted">not read</span></td>';
  const badge = WATERMARK_BADGES[watermark.status];
  return [
    `<td><span class="watermark ${badge.className}">`,
    `<span class="icon" aria-hidden="true">${badge.icon}</span> `,
    escapeHtml(describeWatermark(watermark)),
    '</span></td>',
  ].join('');
}

function checkItem(check: Check): string {
  const status = STATUS_BADGES[check.status];
  const message =
    check.status === 'pass' ? '' : `<span class="asset-line muted">${escapeHtml(check.message)}</span>`;
  return [
    `<li class="asset-check ${status.className}">`,
    `<span class="icon" aria-hidden="true">${status.icon}</span> `,
    `<span class="status-word">${status.label}:</span> ${escapeHtml(check.title)}`,
    message,
    '</li>',
  ].join('');
}

/** Each check of the asset with its status by shape and word; the message when it did not pass. */
export function renderChecksCell(checks: readonly Check[]): string {
  if (checks.length === 0) return '<td><span class="muted">no checks</span></td>';
  return `<td><ul class="plain asset-checks">${checks.map(checkItem).join('')}</ul></td>`;
}
