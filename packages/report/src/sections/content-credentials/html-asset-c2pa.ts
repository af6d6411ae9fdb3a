import type { AssetC2pa, C2paStatusCode } from '@rai-audit/core';
import { C2PA_BADGES, c2paBadgeKey } from './asset-labels.js';
import { escapeHtml } from '../../escape.js';
import { renderBadge } from '../../html/checks.js';

function line(text: string, className = 'asset-line'): string {
  return `<span class="${className}">${text}</span>`;
}

function signerLine(signer: NonNullable<AssetC2pa['signer']>): string {
  const name = signer.commonName === undefined ? 'an unnamed signer' : escapeHtml(signer.commonName);
  const issuer = signer.issuer === undefined ? '' : `, issuer ${escapeHtml(signer.issuer)}`;
  const time = signer.time === undefined ? '' : `, at ${escapeHtml(signer.time)}`;
  return line(`Signed by <strong>${name}</strong>${issuer}${time}`);
}

function manifestLines(c2pa: AssetC2pa): string[] {
  const lines: string[] = [];
  if (c2pa.signer !== undefined) lines.push(signerLine(c2pa.signer));
  if (c2pa.claimGenerator !== undefined) {
    lines.push(line(`Claim generator: ${escapeHtml(c2pa.claimGenerator)}`));
  }
  if (c2pa.actions.length > 0) {
    const actions = c2pa.actions.map((action) => `<code>${escapeHtml(action)}</code>`).join(', ');
    lines.push(line(`Actions: ${actions}`));
  }
  if (c2pa.ingredients > 0) {
    lines.push(line(c2pa.ingredients === 1 ? '1 ingredient' : `${c2pa.ingredients} ingredients`));
  }
  return lines;
}

/** The manifest's location as text: a remote URL is shown, never linked, so opening the report fetches nothing. */
function locationLine(c2pa: AssetC2pa): string {
  if (c2pa.remoteUrl !== undefined) {
    // The badge of an unfetched remote manifest already says so; a fetched one is told apart here.
    const label = c2pa.outcome === 'manifest' ? 'Remote manifest (fetched)' : 'Manifest URL';
    return line(`${label}: <code class="url">${escapeHtml(c2pa.remoteUrl)}</code>`);
  }
  return c2pa.embedded === true ? line('Embedded manifest', 'asset-line muted') : '';
}

function codeItem(code: C2paStatusCode): string {
  const scope = code.scope === 'ingredient' ? ' <span class="flag">ingredient</span>' : '';
  const kind = code.kind === 'failure' ? '' : ` <span class="muted">(${code.kind})</span>`;
  const explanation =
    code.explanation === undefined
      ? '<span class="muted">no explanation given</span>'
      : escapeHtml(code.explanation);
  return `<li><code>${escapeHtml(code.code)}</code>${scope}${kind}: ${explanation}</li>`;
}

/** The summary names this many failure codes; the list under it has them all. */
const SUMMARY_CODES = 2;

/**
 * Failures in the order that explains the state: an untrusted signer last (it is all a Valid manifest has, and
 * says little next to a hash or signature mismatch), the active manifest before its ingredients.
 */
function byRelevance(a: C2paStatusCode, b: C2paStatusCode): number {
  const weight = (code: C2paStatusCode): number =>
    (code.code === 'signingCredential.untrusted' ? 2 : 0) + (code.scope === 'ingredient' ? 1 : 0);
  return weight(a) - weight(b);
}

function codesSummary(failures: readonly C2paStatusCode[], informational: number): string {
  if (failures.length === 0) return `${informational} informational code${informational === 1 ? '' : 's'}`;
  const named = failures.slice(0, SUMMARY_CODES).map((code) => `<code>${escapeHtml(code.code)}</code>`);
  const more = failures.length - named.length;
  const noun = failures.length === 1 ? 'failure' : 'failures';
  return `✖ ${failures.length} ${noun}: ${named.join(', ')}${more > 0 ? `, +${more} more` : ''}`;
}

/** Each code once: verifiers report a code again for every assertion or message that carries it. */
function uniqueCodes(codes: readonly C2paStatusCode[]): C2paStatusCode[] {
  const seen = new Set<string>();
  return codes.filter((code) => {
    const key = JSON.stringify([code.code, code.scope, code.kind]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const UNTRUSTED = 'signingCredential.untrusted';

/**
 * The failure codes (then informational ones) with their explanations, collapsed; the summary names the first
 * failures so a reader sees them without opening anything. Success codes are in the JSON only. A Valid manifest
 * whose only failure is an untrusted signer is not a failure beside its badge: the code explains why it is Valid
 * and not Trusted, and reads that way, without the red ✖.
 */
function codesDetails(c2pa: AssetC2pa): string {
  const codes = uniqueCodes(c2pa.codes);
  const failures = codes.filter((code) => code.kind === 'failure').sort(byRelevance);
  const informational = codes.filter((code) => code.kind === 'informational');
  if (failures.length + informational.length === 0) return '';
  const items = [...failures, ...informational].map(codeItem).join('');
  const onlyUntrusted = failures.length > 0 && failures.every((code) => code.code === UNTRUSTED);
  if (c2paBadgeKey(c2pa) === 'Valid' && onlyUntrusted) {
    return `<details class="codes"><summary>Valid, not Trusted: <code>${UNTRUSTED}</code></summary><ul>${items}</ul></details>`;
  }
  const className = failures.length === 0 ? 'codes' : 'codes has-failures';
  return `<details class="${className}"><summary>${codesSummary(failures, informational.length)}</summary><ul>${items}</ul></details>`;
}

/** Why there is no verdict, unless it only repeats the remote URL already shown. */
function reasonLine(c2pa: AssetC2pa): string {
  const { reason, remoteUrl } = c2pa;
  if (reason === undefined || (remoteUrl !== undefined && reason.includes(remoteUrl))) return '';
  return line(escapeHtml(reason), 'asset-line muted');
}

/** The C2PA cell: state badge, signer, claim generator, actions, remote URL as text, status codes explained. */
export function renderC2paCell(c2pa: AssetC2pa | undefined): string {
  const badge = renderBadge(C2PA_BADGES[c2paBadgeKey(c2pa)]);
  if (c2pa === undefined) return `<td>${badge}</td>`;
  return [
    '<td>',
    badge,
    locationLine(c2pa),
    ...manifestLines(c2pa),
    reasonLine(c2pa),
    codesDetails(c2pa),
    '</td>',
  ].join('');
}
