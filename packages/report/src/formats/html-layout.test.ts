import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeChecks } from '@rai-audit/core';
import type { AuditResult, Check } from '@rai-audit/core';
import { renderHtmlReport } from './html-report.js';
import { headingLevels, inlineSvgs, openingTags, verdictBanner } from '../../test/html-readers.js';
import { demoResult } from '../../test/fixtures.js';

function withChecks(result: AuditResult, keep: (check: Check) => boolean): AuditResult {
  const checks = result.checks.filter(keep);
  return { ...result, checks, summary: summarizeChecks(checks) };
}

describe('renderHtmlReport layout', () => {
  let result: AuditResult;
  let html: string;
  beforeAll(async () => {
    result = demoResult();
    html = await renderHtmlReport(result);
  });

  it('is an English document whose headings never skip a level', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const levels = headingLevels(html);
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level).toBeLessThanOrEqual((levels[index - 1] ?? 1) + 1);
    });
  });

  it('puts the verdict banner before any check, with counts per area', () => {
    const banner = verdictBanner(html);
    expect(banner).toContain('Verdict: FAIL');
    expect(banner).toContain('✖');
    expect(banner).toMatch(/<th scope="row">Bias<\/th><td class="num">7<\/td>/);
    expect(banner).toMatch(/<th scope="row">Content credentials<\/th><td class="num">2<\/td>/);
    expect(html.indexOf('class="verdict')).toBeLessThan(html.indexOf('class="check-group'));
  });

  it('opens failed checks and warnings and collapses passed and not-applicable checks', () => {
    expect(html).toContain('<details class="check-group failed-checks" open>');
    expect(html).toContain('<details class="check-group warning-checks" open>');
    expect(html).toContain('<details class="check-group passed-checks">');
    expect(html).toContain('<details class="check-group other-checks">');
    const order = ['failed-checks', 'warning-checks', 'passed-checks', 'other-checks'].map((id) =>
      html.indexOf(`class="check-group ${id}"`),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows every field of a check', () => {
    const failed =
      /<details class="check-group failed-checks" open>[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
    for (const text of [
      'Demographic parity ratio',
      'bias.demographic-parity-ratio',
      'attribute: sex, metric: selection_rate',
      '≥ 0.8',
      '0.625',
      'Selection rate of F is 0.625 times that of M',
      'SR(F) = 120/480 = 0.250',
      'consider reweighting',
    ]) {
      expect(failed).toContain(text);
    }
  });

  it('shows an undefined rate as "undefined" with its reason, never as NaN or 0', () => {
    expect(html).not.toMatch(/NaN/);
    const reason = 'no actual positives in this group (TP+FN = 0)';
    expect(html).toContain(`<span class="undefined" title="${reason}">undefined</span>`);
    expect(html).toMatch(new RegExp(`<li id="[^"]+">${reason.replace(/[()+]/g, '\\$&')}</li>`));
    // The error-rate table's row of 65+ (no actual positives) has an undefined TPR; its selection rate stays 0.
    const rows65 = [...html.matchAll(/<tr><th scope="row">65\+<\/th>[\s\S]*?<\/tr>/g)].map((m) => m[0]);
    expect(rows65.some((row) => row.includes('>undefined</span>'))).toBe(true);
    expect(rows65.some((row) => row.includes('>0.000</span>'))).toBe(true);
  });

  it('shows intervals when the result has them, their kind named once in the caption', () => {
    expect(html).toMatch(/<span class="interval">\[0\.\d{3}, 0\.\d{3}\]<\/span>/);
    expect(html).toMatch(
      /<caption>Representation and selection by group of <q>sex<\/q>\. Intervals: 95% Wilson\.<\/caption>/,
    );
  });

  it('draws every chart as a figure with a caption, an inline SVG and the same data as a table', () => {
    // One figure of small multiples per attribute: this result has no disparities and no scores.
    const figures = html.match(/<figure class="chart">[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(2);
    for (const figure of figures) {
      expect(figure).toMatch(/<figcaption id="([^"]+)">[^<]+<\/figcaption>/);
      const captionId = /<figcaption id="([^"]+)">/.exec(figure)?.[1];
      expect(figure).toContain(`<svg role="img" aria-labelledby="${captionId}"`);
      expect(figure).toMatch(/<table><caption>[^<]+<\/caption>/);
      expect(figure).toContain('<th scope="col">Group</th>');
      expect(figure).toContain('<th scope="row"><em>Overall</em></th>');
    }
    expect(inlineSvgs(html)).toHaveLength(2);
  });

  it('labels the fixed 0–1 rate axis from 0.0 to 1.0 in every chart', () => {
    for (const svg of inlineSvgs(html)) {
      expect(svg).toContain('>0.0</text>');
      expect(svg).toContain('>1.0</text>');
    }
  });

  it('has a print stylesheet that expands collapsed sections and drops backgrounds', () => {
    const print = /@media print \{[\s\S]*?\n\}/.exec(html)?.[0] ?? '';
    expect(print).toContain('details::details-content');
    expect(print).toContain('background: none');
  });

  it('ends with the run details: tool, command, time, inputs with hashes, and the policy', () => {
    const footer = /<footer[\s\S]*?<\/footer>/.exec(html)?.[0] ?? '';
    expect(footer).toContain('rai-audit 0.1.0');
    expect(footer).toContain('<code>bias</code>');
    expect(footer).toContain('2025-06-01T12:00:00.000Z');
    expect(footer).toContain('fixtures/demo/predictions.csv');
    expect(footer).toContain('48,213 bytes');
    expect(footer).toContain('a'.repeat(64));
    expect(footer).toMatch(
      /Policy:<\/strong> fixtures\/demo\/policy\.yaml <code class="hash">sha256 b{64}<\/code>/,
    );
  });

  it('says "defaults" when no policy file was used', async () => {
    const defaults = await renderHtmlReport({
      ...result,
      policy: { path: null, sha256: null, failOn: 'error' },
    });
    expect(defaults).toContain('<strong>Policy:</strong> defaults (no policy file)');
  });
});

describe('renderHtmlReport verdict banner', () => {
  it.each([
    ['PASS', '✔', (check: Check) => check.status === 'pass'],
    ['PASS WITH WARNINGS', '▲', (check: Check) => check.status === 'pass' || check.status === 'warn'],
    ['FAIL', '✖', () => true],
  ])('reads "Verdict: %s" with the %s shape', async (label, icon, keep) => {
    const html = await renderHtmlReport(withChecks(demoResult(), keep));
    const banner = verdictBanner(html);
    expect(banner).toContain(`Verdict: ${label}</h2>`);
    expect(banner).toContain(`aria-hidden="true">${icon}</span>`);
    expect(openingTags(html, 'title')).toHaveLength(1);
    expect(html).toContain(`<title>${label}: rai-audit bias report</title>`);
  });
});
