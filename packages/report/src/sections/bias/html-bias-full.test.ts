import { beforeAll, describe, expect, it } from 'vitest';
import { BiasSectionSchema } from '@rai-audit/core';
import type { AuditResult } from '@rai-audit/core';
import { renderHtmlReport } from '../../formats/html-report.js';
import { fullResult, skippedCalibrationResult } from '../../../test/fixtures.js';

/** The `<figure>` whose SVG is labelled by `${id}-caption`, or '' when there is none. */
function figure(html: string, id: string): string {
  const figures = html.match(/<figure class="chart">[\s\S]*?<\/figure>/g) ?? [];
  return figures.find((f) => f.includes(`aria-labelledby="${id}-caption"`)) ?? '';
}

/** The tables whose caption starts with the given text. */
function tablesCaptioned(html: string, start: string): string[] {
  return (html.match(/<table[^>]*><caption>[\s\S]*?<\/table>/g) ?? []).filter((t) =>
    t.replace(/<table[^>]*><caption>/, '').startsWith(start),
  );
}

function section(html: string, id: string): string {
  return (
    new RegExp(
      `<section class="attribute" aria-labelledby="${id}-heading[^"]*">[\\s\\S]*?\\n</section>`,
    ).exec(html)?.[0] ?? ''
  );
}

describe('renderHtmlReport of a full bias result', () => {
  let result: AuditResult;
  let html: string;
  beforeAll(async () => {
    result = fullResult();
    html = await renderHtmlReport(result);
  });

  it('renders a schema-valid fixture with a predictions and a dataset section', () => {
    const sections = result.sections.map((s) => BiasSectionSchema.parse(s));
    expect(sections.map((s) => s.mode)).toEqual(['predictions', 'dataset']);
    expect(sections[0]?.columns.intersections).toEqual([['race', 'sex']]);
  });

  it('states the settings and the reference groups in the section facts', () => {
    const facts = /<dl class="facts">[\s\S]*?<\/dl>/.exec(html)?.[0] ?? '';
    for (const text of [
      '0.8 ≤ ratio ≤ 1.25 (tau 0.8)',
      '<dd>30 rows</dd>',
      'kept as the “(missing)” group',
      '1000 draws, seed 42, 95% intervals',
      '<dd>w</dd>',
      'race: White (the largest group)',
      'race × sex: race=White, sex=male (the largest group)',
    ]) {
      expect(facts).toContain(text);
    }
  });

  it('draws every chart of every attribute as a figure with a caption and a data table', () => {
    const ids = [0, 1, 2].flatMap((a) =>
      ['rates', 'strip', 'heat', 'sweep', 'roc', 'calibration'].map((kind) => `section0-attr${a}-${kind}`),
    );
    ids.push(
      'section1-attr0-rates',
      'section1-attr0-strip',
      'section1-attr0-heat',
      'section1-rep0',
      'section1-rep1',
    );
    for (const id of ids) {
      const f = figure(html, id);
      expect(f, id).not.toBe('');
      expect(f, id).toMatch(new RegExp(`<figcaption id="${id}-caption">[^<]{40,}</figcaption>`));
      expect(f, id).toMatch(/<details class="chart-data"><summary>Data table for this chart<\/summary>/);
      expect(f, id).toMatch(/<table><caption>[^<]+<\/caption><thead><tr><th scope="col">/);
    }
    expect(figure(html, 'section1-attr0-sweep')).toBe('');
  });

  it('splits the per-group metrics into narrow tables with weight, flags, intervals and intersections', () => {
    const race = section(html, 'section0-attr0');
    const captions = [...race.matchAll(/<table class="metrics"><caption>([^<]*)<q>race<\/q>/g)].map(
      (m) => m[1],
    );
    expect(captions).toEqual([
      'Representation and selection by group of ',
      'Error rates (given the label) by group of ',
      'Predictive values (given the prediction) by group of ',
      'Score metrics by group of ',
    ]);
    for (const table of race.match(/<table class="metrics">[\s\S]*?<\/table>/g) ?? []) {
      expect(
        (/<thead>[\s\S]*?<\/thead>/.exec(table)?.[0] ?? '').match(/<th scope="col">/g)?.length,
      ).toBeLessThanOrEqual(9);
    }
    expect(race).toContain('<th scope="col">Weight</th>');
    expect(race).toMatch(/<th scope="row">White <span class="flag reference"[^>]*>◆ reference<\/span><\/th>/);
    expect(race).toMatch(/<th scope="row">Other <span class="flag small"[^>]*>▲ n &lt; 30<\/span><\/th>/);
    expect(race).toMatch(/<span class="interval">\[0\.\d{3}, 0\.\d{3}\]<\/span>/);
    const intersection = section(html, 'section0-attr2');
    expect(intersection).toContain('<h3 id="section0-attr2-heading">Intersection race × sex</h3>');
    expect(intersection).toMatch(/<th scope="row">race=White, sex=male <span class="flag reference"/);
  });

  it('tables every fairness summary between groups and to overall, with intervals and extreme groups', () => {
    const [summaries] = tablesCaptioned(html, 'Fairness summaries of each attribute');
    expect(summaries).toContain('Intervals: 95% bootstrap.');
    expect(summaries).toContain('<th scope="col">Between groups</th><th scope="col">To overall</th>');
    for (const name of ['Demographic parity', 'Equalized odds', 'Equal opportunity']) {
      expect(summaries?.match(new RegExp(`>${name} (difference|ratio)</abbr>`, 'g'))).toHaveLength(6);
    }
    expect(summaries).toContain('<th scope="rowgroup" colspan="6">race × sex</th>');
    expect(summaries).toMatch(/race=Other, sex=female \(0\.\d{3}\)/);
  });

  it('shows disparities with n per group and verdicts by shape and word', () => {
    const strip = figure(html, 'section0-attr0-strip');
    expect(strip).toContain('<th scope="rowgroup" colspan="5">Selection rate (TP+FP)/n</th>');
    expect(strip).toMatch(
      /<td class="verdict-fail"><span aria-hidden="true">✖<\/span> outside the band<\/td>/,
    );
    expect(strip).toMatch(
      /<td class="verdict-insufficient-data"><span aria-hidden="true">▲<\/span> insufficient data \(n &lt; 30\)<\/td>/,
    );
    expect(strip).toContain('The shaded band is parity (0.8 ≤ ratio ≤ 1.25)');
    const heat = figure(html, 'section0-attr0-heat');
    expect(heat).toContain('— undefined');
    expect(heat).toContain('>undefined (—)</text>');
    expect(heat).toContain('>0.80–1.25</text>');
  });

  it('states the threshold rule and draws the score charts with AUC in the ROC legend', () => {
    expect(html).toContain('Predicted positive: the highest 30% of scores (score ≥ 0.62).');
    expect(figure(html, 'section0-attr0-roc')).toMatch(/>White ◆ \(AUC 0\.\d{3}\)<\/text>/);
    expect(figure(html, 'section0-attr0-sweep')).toContain(
      'The dotted line is the operating threshold 0.62.',
    );
  });

  it('renders the dataset audit: representation, goodness of fit, missing values, ranked proxies', () => {
    const [representation] = tablesCaptioned(html, 'Representation of the groups of “race”');
    expect(representation).toMatch(
      /<th scope="row">White<\/th><td class="num">1420<\/td><td class="num">0\.553<\/td><td class="num">0\.600<\/td><td class="num">-0\.047<\/td>/,
    );
    const [fit] = tablesCaptioned(html, 'Goodness of fit');
    expect(fit).toContain('title="no expected shares were given for sex">undefined</span>');
    expect(fit).toMatch(/2\.4e-8<sup><a href="#section1-dataset-note-\d"/);
    expect(html).toContain(
      '9 rows in groups without an expected share ((missing)) are left out of the test</li>',
    );
    const missing = [
      ...tablesCaptioned(html, 'Groups of “race”'),
      ...tablesCaptioned(html, 'Groups of “sex”'),
    ];
    expect(missing).toHaveLength(2);
    expect(missing.join('')).toContain('<th scope="row">income</th>');
    expect(missing.join('')).not.toContain('zip_code');
    expect(missing[0]).toContain(
      '<thead><tr><th scope="col">Column</th><th scope="col">All rows</th><th scope="col">White</th>',
    );
    expect(html).not.toContain('“(overall)”');
    const [proxies] = tablesCaptioned(html, 'Possible proxies');
    const features = [
      ...(proxies ?? '').matchAll(/<td class="num">(\d+)<\/td><th scope="row">([^<]+)<\/th>/g),
    ].map((m) => `${m[1]} ${m[2]}`);
    expect(features).toEqual(['1 title', '2 zip_code', '3 income', '4 income', '5 zip_code', '6 employment']);
    expect(proxies).toContain('<span class="bar" style="width: 71%"></span>');
    const datasetRates = section(html, 'section1-attr0');
    expect(datasetRates).toContain('<th scope="col">Label positive / negative</th>');
    expect(datasetRates).not.toContain('TP / FP / TN / FN');
  });
});

describe('renderHtmlReport of scores outside [0, 1]', () => {
  let html: string;
  beforeAll(async () => {
    html = await renderHtmlReport(skippedCalibrationResult());
  });

  it('says why calibration was skipped and draws no calibration chart', () => {
    expect(html).toContain('<strong>Calibration not analysed:</strong> scores range from -2.4 to 3.1');
    expect(html).not.toContain('-calibration-caption');
    expect(figure(html, 'section0-attr0-roc')).not.toBe('');
    expect(html).toContain('<dd>-2.4 to 3.1</dd>');
  });

  it('states a per-group rule with a table of thresholds', () => {
    expect(html).toContain(
      'Predicted positive when the score is ≥ the threshold of its group (table below).',
    );
    expect(html).toContain('<tr><th scope="row">race=Black</th><td class="num">0.55</td></tr>');
  });
});
