import { describe, expect, it } from 'vitest';
import { renderMarkdownReport } from './markdown-report.js';
import { demoResult, fullResult, hostileResult } from '../../test/fixtures.js';

/** Table cells split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

describe('renderMarkdownReport', () => {
  const markdown = renderMarkdownReport(demoResult());

  it('starts with the verdict line', () => {
    expect(markdown.split('\n')[0]).toBe('## ✖ rai-audit bias: FAIL');
    expect(markdown).toContain('2 failed, 1 warning, 2 not evaluated, 3 passed, 2 not applicable.');
  });

  it('tables the failed and warning checks before the collapsed passed checks', () => {
    const attention = markdown.slice(
      markdown.indexOf('### Failed checks'),
      markdown.indexOf('### Run warnings'),
    );
    const rows = attention
      .split('\n')
      .filter((line) => line.startsWith('| ✖') || line.startsWith('| ▲') || line.startsWith('| ⊘'));
    expect(rows).toHaveLength(5);
    expect(attention).not.toContain('✔ Pass');
    const passed = markdown.slice(markdown.indexOf('<details><summary>Passed checks (3)</summary>'));
    expect(passed).toContain('`bias.demographic-parity-difference`');
  });

  it('counts the checks per area', () => {
    expect(markdown).toContain('| Bias | 7 | 1 | 1 | 1 | 2 | 2 |');
    expect(markdown).toContain('| Content credentials | 2 | 1 | 0 | 0 | 1 | 0 |');
  });

  it('neutralises HTML, links, images and pipes in user text', () => {
    const hostile = renderMarkdownReport(hostileResult());
    expect(hostile).not.toMatch(/<script|<img|<b>|<!--/i);
    expect(hostile).not.toMatch(/(?<!\\)\[link\]|(?<!\\)!\[img\]/);
    const row = hostile.split('\n').find((line) => line.startsWith('| ✖'));
    expect(row).toBeDefined();
    // Status, check, subject, actual, expected, message, remediation.
    expect(cells(row ?? '')).toHaveLength(7);
    expect(row).toContain('\\| cell next');
  });

  it('renders the same bytes twice', () => {
    expect(renderMarkdownReport(demoResult())).toBe(markdown);
  });

  it('tables the fairness summaries of each attribute compactly: a row per basis, a column per summary', () => {
    const full = renderMarkdownReport(fullResult());
    const start = full.indexOf('### Fairness summaries: Bias: predictions by group');
    expect(start).toBeGreaterThan(full.indexOf('### Checks per area'));
    const lines = full.slice(start).split('\n');
    expect(lines[2]).toBe(
      '| Attribute | Basis | DP diff. | DP ratio | EO diff. | EO ratio | EOpp diff. | EOpp ratio |',
    );
    expect(lines).toContain(
      '| race × sex | Between groups | 0.400 | 0.000 | 0.444 | 0.000 | 0.444 | 0.556 |',
    );
    expect(lines).toContain('| race × sex | To overall | 0.277 | 0.000 | 0.337 | 0.000 | 0.337 | 0.663 |');
    expect(full).toContain('| race | Between groups | 0.308 | 0.000 | – | – | – | – |');
  });

  it('escapes attribute names in the summaries table', () => {
    const hostile = renderMarkdownReport(hostileResult());
    const row = hostile.split('\n').find((line) => line.includes('Between groups'));
    expect(row).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(cells(row ?? '')).toHaveLength(8);
  });
});
