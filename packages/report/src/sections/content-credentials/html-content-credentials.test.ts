import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult, ContentCredentialsSection } from '@rai-audit/core';
import { escapeHtml } from '../../escape.js';
import { REPORT_CONTENT_SECURITY_POLICY, renderHtmlReport } from '../../formats/html-report.js';
import { embeddedJsonText, headingLevels, openingTags, tagAttributes } from '../../../test/html-readers.js';
import {
  HOSTILE_FILE_NAME,
  REMOTE_MANIFEST_URL,
  SCRIPT_INJECTION,
  TINY_PNG_DATA_URI,
  TINY_WEBP_DATA_URI,
} from '../../../test/fixture-assets.js';
import { contentCredentialsResult } from '../../../test/fixture-content-credentials.js';

/** The markup of the content-credentials section. */
function sectionOf(html: string): string {
  const start = html.indexOf('<section class="report-section content-credentials"');
  return html.slice(start, html.indexOf('</section>', start));
}

/** Each asset row of the table, keyed by the asset path as the HTML shows it (escaped). */
function assetRows(html: string): Map<string, string> {
  const rows = html.match(/<tr class="asset-row[\s\S]*?<\/tr>/g) ?? [];
  return new Map(rows.map((row) => [/<code class="asset-path">([^<]*)<\/code>/.exec(row)?.[1] ?? '', row]));
}

function withSection(result: AuditResult, change: (s: ContentCredentialsSection) => void): AuditResult {
  const copy = structuredClone(result);
  const section = copy.sections[0];
  if (section?.kind !== 'content-credentials') throw new Error('fixture has no content-credentials section');
  change(section);
  return copy;
}

describe('renderHtmlReport of a content-credentials section', () => {
  let result: AuditResult;
  let html: string;
  let rows: Map<string, string>;
  beforeAll(async () => {
    result = contentCredentialsResult();
    html = await renderHtmlReport(result);
    rows = assetRows(html);
  });

  it('shows the settings of the verification', () => {
    const section = sectionOf(html);
    for (const text of [
      '<dt>Validation time</dt><dd>2025-06-01T00:00:00Z</dd>',
      '<dt>Trust anchors</dt><dd>certs/test-ca.pem</dd>',
      '<dt>Network</dt><dd>not allowed: remote manifests are reported, never fetched</dd>',
      '<dt>Workers</dt><dd>2 threads</dd>',
      '<dt>Time limit</dt><dd>30 s per asset</dd>',
      '<dt>Pixel limit</dt><dd>100,000,000 pixels (100 MP)</dd>',
    ]) {
      expect(section).toContain(text);
    }
  });

  it('says "now" and "none" when no validation time or trust anchors were given', async () => {
    const changed = withSection(result, (s) => {
      s.settings = { ...s.settings, at: null, trustAnchors: null, allowNetwork: true, workers: 1 };
    });
    const section = sectionOf(await renderHtmlReport(changed));
    expect(section).toContain('<dt>Validation time</dt><dd>now (the clock when the audit ran)</dd>');
    expect(section).toContain('<dt>Trust anchors</dt><dd>none (no manifest can be Trusted)</dd>');
    expect(section).toContain('<dt>Network</dt><dd>allowed: remote manifests are fetched</dd>');
    expect(section).toContain('<dt>Workers</dt><dd>1 thread</dd>');
  });

  it('counts assets by outcome, C2PA state, declaration and watermark', () => {
    const glance = /<table class="asset-tallies">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const text = glance.replace(/<[^>]+>/g, '');
    expect(text).toContain('8 assets7 verified1 ⊘ errors5 ✖ with a failing check');
    expect(text).toContain(
      '1 ★ Trusted2 ✔ Valid1 ✖ Invalid2 ○ No manifest1 ◌ Remote manifest (not fetched)1 ⊘ Not read',
    );
    expect(text).toContain('2 ● AI-generated1 ◐ Composite with AI1 ▲ Conflicting3 ○ Not declared');
    expect(text).toContain('2 ● Found3 ○ Not found2 – Skipped');
  });

  it('has one row per asset, in path order, each with a row header and an id the attention list links to', () => {
    const section = result.sections[0] as ContentCredentialsSection;
    expect([...rows.keys()]).toEqual(section.assets.map((a) => escapeHtml(a.path)));
    const links = [...html.matchAll(/<a href="#(section0-asset\d+)">/g)].map((m) => m[1]);
    expect(links).toHaveLength(6);
    for (const id of links) expect(html).toContain(`<th scope="row" id="${id}">`);
    expect(html).toContain('<caption>One row per asset, in path order (8)</caption>');
  });

  it('badges the C2PA state by shape and word, with signer, generator and the failure code explained', () => {
    const tampered = rows.get('generated/cat-tampered.jpg') ?? '';
    expect(tampered).toContain(
      '<span class="badge fail"><span class="icon" aria-hidden="true">✖</span> Invalid</span>',
    );
    expect(tampered).toContain('Signed by <strong>rai-audit test signer</strong>, issuer rai-audit test CA');
    expect(tampered).toContain('Claim generator: image-pipeline/2.3 c2pa-rs/0.49.5');
    expect(tampered).toMatch(
      /<details class="codes has-failures"><summary>✖ 1 failure: <code>assertion\.dataHash\.mismatch<\/code><\/summary><ul><li><code>assertion\.dataHash\.mismatch<\/code>: asset hash does not match/,
    );
    expect(tampered).toContain('<code>timeStamp.untrusted</code> <span class="muted">(informational)</span>');
    expect(tampered).not.toContain('claimSignature.validated'); // success codes stay in the JSON
    expect(rows.get('photos/harbour-trusted.jpg')).toContain('★</span> Trusted</span>');
    expect(rows.get('generated/cat-valid.png')).toContain('✔</span> Valid</span>');
    expect(rows.get('photos/no-manifest.jpg')).toContain('○</span> No manifest</span>');
  });

  it('names the failures that explain the state first, and does not repeat a remote URL in the reason', async () => {
    const changed = withSection(result, (s) => {
      const valid = s.assets.find((a) => a.path === 'generated/cat-valid.png');
      const remote = s.assets.find((a) => a.path === 'generated/remote.webp');
      if (valid?.c2pa === undefined || remote?.c2pa === undefined) throw new Error('fixture changed');
      valid.c2pa.codes = [
        { code: 'signingCredential.untrusted', kind: 'failure', scope: 'active' },
        { code: 'assertion.hashedURI.mismatch', kind: 'failure', scope: 'ingredient' },
        { code: 'claimSignature.mismatch', kind: 'failure', scope: 'active' },
      ];
      remote.c2pa.reason = `the asset references a remote manifest at ${REMOTE_MANIFEST_URL}; not fetched`;
    });
    const changedRows = assetRows(await renderHtmlReport(changed));
    expect(changedRows.get('generated/cat-valid.png')).toContain(
      '<summary>✖ 3 failures: <code>claimSignature.mismatch</code>, <code>assertion.hashedURI.mismatch</code>, +1 more</summary>',
    );
    const remote = changedRows.get('generated/remote.webp') ?? '';
    expect(remote).toContain('Manifest URL:');
    expect(remote).not.toContain('references a remote manifest');
  });

  it('explains a Valid state by its untrusted signer without a red failure, each code once', async () => {
    const changed = withSection(result, (s) => {
      const valid = s.assets.find((a) => a.path === 'generated/cat-valid.png');
      if (valid?.c2pa === undefined) throw new Error('fixture changed');
      const untrusted = { code: 'signingCredential.untrusted', kind: 'failure', scope: 'active' } as const;
      valid.c2pa.codes = [untrusted, { ...untrusted }];
    });
    const row = assetRows(await renderHtmlReport(changed)).get('generated/cat-valid.png') ?? '';
    expect(row).toContain('✔</span> Valid</span>');
    expect(row).toContain(
      '<details class="codes"><summary>Valid, not Trusted: <code>signingCredential.untrusted</code></summary>',
    );
    expect(row).not.toContain('✖');
    expect(row.split('<li><code>signingCredential.untrusted</code>')).toHaveLength(2);
  });

  it('shows the declaration verdict, which source declared what, and the conflict in words', () => {
    const valid = rows.get('generated/cat-valid.png') ?? '';
    expect(valid).toContain('●</span> AI-generated</span>');
    expect(valid).toContain('<li>C2PA active manifest: trained<wbr>Algorithmic<wbr>Media</li>');
    expect(valid).toContain('<li>XMP (IPTC): trained<wbr>Algorithmic<wbr>Media</li>');
    const hostile = rows.get(escapeHtml(HOSTILE_FILE_NAME)) ?? '';
    expect(hostile).toContain('▲</span> Conflicting</span>');
    expect(hostile).toContain(
      '<strong><span aria-hidden="true">▲</span> Conflict:</strong> C2PA says digitalCapture',
    );
    expect(rows.get('generated/cat-tampered.jpg')).toContain(
      '<li>C2PA ingredient: trained<wbr>Algorithmic<wbr>Media</li>',
    );
  });

  it('words the watermark as found with bits and p-value, not found, or skipped with the reason; never absent', () => {
    expect(rows.get('generated/cat-valid.png')).toContain(
      'found: StableDiffusionV1 (136/136 bits, p=1.2e-41)',
    );
    expect(rows.get('generated/cat-tampered.jpg')).toContain('○</span> not found</span>');
    expect(rows.get('generated/remote.webp')).toContain('skipped: image smaller than 256×256 pixels');
    expect(sectionOf(html)).not.toMatch(/absent/i);
  });

  it('lists each check of the asset by shape and word, with the message when it did not pass', () => {
    const tampered = rows.get('generated/cat-tampered.jpg') ?? '';
    const checks = [...tampered.matchAll(/<li class="asset-check (\w+)">.*?<\/li>/g)].map((m) => m[1]);
    expect(checks).toEqual(['fail', 'pass', 'warn']);
    expect(tampered).toContain('✖</span> <span class="status-word">Fail:</span> C2PA manifest');
    expect(tampered).toContain('▲</span> <span class="status-word">Warning:</span> Invisible watermark');
    expect(tampered).toContain('C2PA manifest Invalid: assertion.dataHash.mismatch');
    expect(tampered.startsWith('<tr class="asset-row fail">')).toBe(true);
    expect(rows.get('photos/harbour-trusted.jpg')?.startsWith('<tr class="asset-row ok">')).toBe(true);
    expect(rows.get('audio/voice-over.wav')).toContain('Rules: <span class="muted">none, not covered</span>');
    expect(rows.get('photos/no-manifest.jpg')).toContain(
      'Rules: <code>photos/**</code>, <code>**/*.jpg</code>',
    );
  });

  it('shows why an error asset was not verified', () => {
    const truncated = rows.get('generated/truncated.png') ?? '';
    expect(truncated).toContain('⊘</span> Error: corrupt</span>');
    expect(truncated).toContain('the PNG ends inside its IDAT chunk (truncated at byte 4096)');
    expect(truncated).toContain('<td colspan="3">');
    expect(truncated).toContain('<span class="status-word">Fail:</span> Asset readable');
  });

  it('escapes hostile file names and manifest fields everywhere they appear', () => {
    expect(html).not.toMatch(/<script>alert/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(openingTags(html, 'b')).toEqual([]);
    expect(openingTags(html, 'script')).toEqual(['<script type="application/json" id="rai-audit-result">']);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    const hostile = rows.get(escapeHtml(HOSTILE_FILE_NAME)) ?? '';
    expect(hostile).toContain('generated/&lt;img src=x onerror=alert(1)&gt;.png');
    expect(hostile).toContain(`Claim generator: ${escapeHtml(SCRIPT_INJECTION)}`);
    expect(hostile).toContain('Signed by <strong>&lt;img src=x onerror=alert(2)&gt;</strong>');
    expect(hostile).toContain('found: &lt;svg onload=alert(4)&gt; (44/48 bits, p=4.2e-4)');
    expect(hostile).toContain('&lt;b&gt;bold&lt;/b&gt;');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F]/);
    expect(JSON.parse(embeddedJsonText(html))).toEqual(result);
  });

  it('emits an image only as a PNG, JPEG or WebP data URI, and the CSP allows exactly that', () => {
    const images = openingTags(html, 'img');
    expect(images).toHaveLength(5);
    for (const tag of images)
      expect(tag).toMatch(/^<img src="data:image\/(png|webp);base64,[A-Za-z0-9+/=]+" alt="">$/);
    expect(html).toContain(`<img src="${TINY_PNG_DATA_URI}" alt="">`);
    expect(html).toContain(`<img src="${TINY_WEBP_DATA_URI}" alt="">`);
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain('img-src data:;');
    const attributes = tagAttributes(html);
    expect(attributes.filter((a) => a.name === 'src').every((a) => a.value.startsWith('data:image/'))).toBe(
      true,
    );
    expect(attributes.filter((a) => ['srcset', 'poster', 'background', 'action'].includes(a.name))).toEqual(
      [],
    );
  });

  it('withholds a thumbnail that is not a safe image data URI, even when the result skipped validation', async () => {
    const hostileSources = [
      'javascript:alert(1)',
      'https://tracker.example.com/pixel.png',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:image/png;base64,AAAA" onerror="alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      `data:image/png;base64,${'A'.repeat(300_000)}`,
    ];
    const changed = withSection(result, (s) => {
      s.assets.forEach((asset, index) => {
        asset.thumbnail = hostileSources[index % hostileSources.length];
      });
    });
    const rendered = await renderHtmlReport(changed);
    expect(openingTags(rendered, 'img')).toEqual([]);
    expect(sectionOf(rendered)).toContain('preview withheld: not a PNG, JPEG or WebP data URI');
    expect(sectionOf(rendered)).toContain('preview withheld: too large to embed');
    expect(sectionOf(rendered)).not.toContain('tracker.example.com');
  });

  it('loads nothing: URLs are text, never a link or a source', () => {
    const attributes = tagAttributes(html);
    expect(attributes.filter((a) => /https?:|javascript:|file:/i.test(a.value))).toEqual([]);
    expect(attributes.filter((a) => a.name === 'href').every((a) => a.value.startsWith('#'))).toBe(true);
    for (const tag of [
      'link',
      'iframe',
      'object',
      'embed',
      'image',
      'use',
      'base',
      'form',
      'video',
      'audio',
    ]) {
      expect(openingTags(html, tag)).toEqual([]);
    }
    expect(html).not.toMatch(/url\(|@import/i);
    expect(rows.get('generated/remote.webp')).toContain(
      `Manifest URL: <code class="url">${escapeHtml(REMOTE_MANIFEST_URL)}</code>`,
    );
    // Outside the embedded JSON, an http(s) URL appears only as that escaped text.
    const visible = html.replace(/<script[\s\S]*?<\/script>/, '');
    expect(visible.match(/https?:\/\/[^\s<]*/g)).toEqual([escapeHtml(REMOTE_MANIFEST_URL).split(/\s/)[0]]);
  });

  it('nests its headings under the section heading without skipping a level', () => {
    const levels = headingLevels(sectionOf(html));
    expect(levels).toEqual([2, 3, 3]);
  });

  it('renders the same bytes twice', async () => {
    expect(await renderHtmlReport(contentCredentialsResult())).toBe(html);
  });
});
