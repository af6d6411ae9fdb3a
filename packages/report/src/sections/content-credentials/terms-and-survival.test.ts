import { describe, expect, it } from 'vitest';
import { AuditResultSchema, type AuditResult, type ContentCredentialsSection } from '@rai-audit/core';
import { escapeHtml, escapeMarkdown } from '../../escape.js';
import { renderHtmlReport } from '../../formats/html-report.js';
import { renderMarkdownReport } from '../../formats/markdown-report.js';
import { SCRIPT_INJECTION } from '../../../test/fixture-assets.js';
import { contentCredentialsResult } from '../../../test/fixture-content-credentials.js';
import { describeAssetTerms } from './terms-and-survival-labels.js';

function withSection(change: (s: ContentCredentialsSection) => void): AuditResult {
  const copy = structuredClone(contentCredentialsResult());
  const section = copy.sections[0];
  if (section?.kind !== 'content-credentials') throw new Error('fixture has no content-credentials section');
  change(section);
  return AuditResultSchema.parse(copy);
}

const HOSTILE_AUTHOR = `Ada ${SCRIPT_INJECTION} | *bold*`;

function withTermsAndSurvival(): AuditResult {
  return withSection((section) => {
    const asset = section.assets[0]!;
    asset.terms = {
      c2pa: { author: HOSTILE_AUTHOR, copyrightHolder: 'Example & Co', trainingMining: 'notAllowed' },
      xmp: { author: HOSTILE_AUTHOR, copyright: '© Example & Co', license: 'https://example.com/l?a=1&b=2' },
    };
    section.survival = {
      transforms: ['jpeg90', 'strip-metadata'],
      cells: [
        {
          asset: asset.path,
          transform: 'original',
          c2pa: 'valid',
          aiLabel: ['c2pa-active', 'xmp'],
          terms: ['c2pa', 'xmp'],
          watermark: 'SDV2',
        },
        {
          asset: asset.path,
          transform: 'jpeg90',
          c2pa: 'absent',
          aiLabel: ['xmp'],
          terms: ['xmp'],
          watermark: null,
        },
        {
          asset: asset.path,
          transform: 'strip-metadata',
          c2pa: 'absent',
          aiLabel: [],
          terms: [],
          watermark: null,
          error: `cannot apply strip-metadata: ${SCRIPT_INJECTION}`,
        },
      ],
    };
  });
}

describe('terms per asset', () => {
  it('names each term once when C2PA and XMP agree, both when they differ, and where each was read', () => {
    expect(
      describeAssetTerms({
        c2pa: { author: 'Ada', copyrightHolder: 'Example', license: 'L1', trainingMining: 'notAllowed' },
        xmp: { author: 'Ada', copyright: '© Example', license: 'L2' },
      }),
    ).toEqual([
      ['Author', 'Ada (C2PA, XMP)'],
      ['Copyright', '© Example (C2PA, XMP)'],
      ['Licence', 'L1 (C2PA); L2 (XMP)'],
      ['AI training and mining', 'not allowed (C2PA)'],
    ]);
    expect(describeAssetTerms(undefined)).toEqual([]);
  });

  it('HTML: the terms are in the asset row, escaped', async () => {
    const html = await renderHtmlReport(withTermsAndSurvival());
    expect(html).not.toContain(SCRIPT_INJECTION);
    expect(html).toContain(
      `<ul class="plain asset-list asset-terms"><li>Author: ${escapeHtml(HOSTILE_AUTHOR)} (C2PA, XMP)</li>`,
    );
    expect(html).toContain('<li>Copyright: © Example &amp; Co (C2PA, XMP)</li>');
    expect(html).toContain('<li>Licence: https://example.com/l?a=1&amp;b=2 (XMP)</li>');
    expect(html).toContain('<li>AI training and mining: not allowed (C2PA)</li>');
  });

  it('Markdown: a terms table, escaped', () => {
    const md = renderMarkdownReport(withTermsAndSurvival());
    expect(md).toContain('### Terms stated by the assets');
    expect(md).toContain('| Asset | Author | Copyright | Licence | AI training and mining |');
    expect(md).not.toContain(SCRIPT_INJECTION);
    expect(md).toContain(escapeMarkdown(`${HOSTILE_AUTHOR} (C2PA, XMP)`));
  });
});

describe('the survival matrix', () => {
  it('HTML: one row per transform, each mark kept or lost by shape and word; errors escaped', async () => {
    const html = await renderHtmlReport(withTermsAndSurvival());
    const table = html.slice(
      html.indexOf('<table class="survival">'),
      html.indexOf('</table>', html.indexOf('<table class="survival">')),
    );
    expect(table).toContain(
      '<th scope="col">C2PA valid</th><th scope="col">AI label</th><th scope="col">Terms</th><th scope="col">Watermark</th>',
    );
    const row = (transform: string) =>
      new RegExp(`<tr><th scope="row"><code>${transform}</code></th>(.*?)</tr>`).exec(table)?.[1] ?? '';
    expect(row('original')).toMatch(
      /✔<\/span> valid.*✔<\/span> C2PA, XMP.*✔<\/span> C2PA, XMP.*✔<\/span> SDV2/,
    );
    expect(row('jpeg90')).toMatch(/✖<\/span> lost.*✔<\/span> XMP.*✔<\/span> XMP.*✖<\/span> not found/);
    expect(row('strip-metadata')).toContain(
      `⊘</span> error</span> ${escapeHtml(`cannot apply strip-metadata: ${SCRIPT_INJECTION}`)}`,
    );
    expect(html).not.toContain(SCRIPT_INJECTION);
  });

  it('Markdown: the same matrix as a table', () => {
    const md = renderMarkdownReport(withTermsAndSurvival());
    expect(md).toContain('| Asset | Transform | C2PA valid | AI label | Terms | Watermark |');
    expect(md).toMatch(/\| jpeg90 \| ✖ lost \| ✔ XMP \| ✔ XMP \| ✖ not found \|/);
    expect(md).not.toContain(SCRIPT_INJECTION);
  });

  it('a verify result (no survival matrix) shows no matrix', async () => {
    expect(await renderHtmlReport(contentCredentialsResult())).not.toContain('table class="survival"');
    expect(renderMarkdownReport(contentCredentialsResult())).not.toContain('Which marks survive');
  });
});
