import { describe, expect, it } from 'vitest';
import { isFailing, isWarning, summarizeChecks } from '@rai-audit/core';
import { MAX_MARKDOWN_ASSET_ROWS } from './markdown-asset-failures.js';
import { renderMarkdownReport } from '../../formats/markdown-report.js';
import { contentCredentialsResult } from '../../../test/fixture-content-credentials.js';
import { demoResult } from '../../../test/fixtures.js';

/** Table cells split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

function assetTable(markdown: string): string[] {
  const start = markdown.indexOf('### Asset checks that failed or warned: Content credentials');
  const lines = markdown.slice(start).split('\n');
  const header = lines.indexOf('| Asset | Check | Message |');
  const rows: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

describe('renderMarkdownReport of a content-credentials result', () => {
  const result = contentCredentialsResult();
  const markdown = renderMarkdownReport(result);

  it('keeps the verdict and the counts per area, and lists each failed asset check once, with what to do', () => {
    expect(markdown.split('\n')[0]).toBe('## ✖ rai-audit assets: FAIL');
    const attention = result.checks.filter((c) => isFailing(c) || isWarning(c));
    // Before the collapsed passed and not-applicable tables.
    const open = markdown.slice(0, markdown.indexOf('<details>'));
    const tableRows = open.split('\n').filter((line) => line.startsWith('| ') && /`[a-z0-9.-]+`/.test(line));
    expect(tableRows).toHaveLength(attention.length);
    const ids = [...new Set(attention.map((c) => c.id))];
    expect(markdown).toContain('How to fix:');
    for (const id of ids) {
      expect(
        markdown.split('\n').filter((line) => line.startsWith(`- \`${id}\`: `)),
        id,
      ).toHaveLength(1);
    }
    expect(markdown).toContain('| Content credentials | 21 | 5 | 2 | 4 | 9 | 1 |');
    expect(markdown.indexOf('### Checks per area')).toBeLessThan(markdown.indexOf('### Asset checks that'));
  });

  it('summarises the assets in one line', () => {
    expect(markdown).toContain(
      '8 assets \\(7 verified, 1 error\\); C2PA: 1 Trusted, 2 Valid, 1 Invalid, 2 No manifest, 1 Remote manifest \\(not fetched\\), 1 Not read; ' +
        'AI declaration: 2 AI-generated, 1 Composite with AI, 1 Conflicting, 3 Not declared; watermark: 2 Found, 3 Not found, 2 Skipped.',
    );
  });

  it('tables every failed or warning asset check compactly: path, check, message', () => {
    const rows = assetTable(markdown);
    const expected = result.checks.filter((c) => isFailing(c) || isWarning(c));
    expect(rows).toHaveLength(expected.length);
    for (const row of rows) expect(cells(row)).toHaveLength(3);
    expect(rows).toContain(
      '| out/generated/cat-tampered.jpg | ✖ Fail `c2pa.manifest` | C2PA manifest Invalid: assertion.dataHash.mismatch |',
    );
    expect(rows).toContain(
      '| out/generated/truncated.png | ✖ Fail `assets.readable` | corrupt: the PNG ends inside its IDAT chunk \\(truncated at byte 4096\\) |',
    );
    expect(rows).toContain(
      '| out/audio/voice-over.wav | ▲ Warning `assets.covered` | no policy rule covers this asset |',
    );
    expect(rows.filter((row) => row.includes('✔'))).toEqual([]);
  });

  it('escapes hostile file names and messages: no markup, no links, no split cells', () => {
    const hostile = assetTable(markdown).find((row) => row.includes('assets.ai-declaration'));
    expect(cells(hostile ?? '')).toEqual([
      'out/generated/&lt;img src=x onerror=alert\\(1\\)&gt;.png',
      '✖ Fail `assets.ai-declaration`',
      'the C2PA manifest and the XMP disagree on AI generation &lt;/script&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\| cell',
    ]);
    expect(markdown).not.toMatch(/<script|<img|<svg/i);
  });

  it('says so when no asset check failed, and adds nothing to a result without such a section', () => {
    const checks = result.checks.filter((c) => !isFailing(c) && !isWarning(c));
    const clean = renderMarkdownReport({ ...result, checks, summary: summarizeChecks(checks) });
    expect(clean).toContain('No asset failed a check or raised a warning.');
    expect(clean).not.toContain('| Asset | Check | Message |');
    expect(renderMarkdownReport(demoResult())).not.toContain('### Asset checks');
  });

  it('caps the table for a job summary and says how many rows are left out', () => {
    const template = result.checks.find((c) => c.id === 'c2pa.manifest' && c.status === 'fail');
    if (template === undefined) throw new Error('fixture has no failing manifest check');
    const many = Array.from({ length: MAX_MARKDOWN_ASSET_ROWS + 7 }, () => template);
    const big = renderMarkdownReport({ ...result, checks: many, summary: summarizeChecks(many) });
    expect(assetTable(big)).toHaveLength(MAX_MARKDOWN_ASSET_ROWS);
    expect(big).toContain('… and 7 more in the HTML report.');
  });

  it('renders the same bytes twice', () => {
    expect(renderMarkdownReport(contentCredentialsResult())).toBe(markdown);
  });
});
