import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { BiasMetricId, BiasSection, Check, GroupMetrics } from '@rai-audit/core';
import { buildRateChartSpec } from './bias-charts.js';
import { buildDisparityHeatmapSpec, colorClasses } from './disparity-heatmap-chart.js';
import { buildDisparityStripSpec, ratioAxis } from './disparity-strip-chart.js';
import { judgedDisparities, judgedKey } from './disparity-verdicts.js';
import { groupsOf, sectionAttributes } from '../labels/group-labels.js';
import { buildRepresentationSpec } from './representation-chart.js';
import { buildCalibrationSpec, buildRocSpec } from './score-curve-charts.js';
import { buildSweepSpec } from './score-sweep-chart.js';
import { seriesEncoding } from './score-series.js';
import { hostileFullResult } from '../../test/fixtures.js';

function biasSections(): BiasSection[] {
  return hostileFullResult().sections.filter((s): s is BiasSection => s.kind === 'bias');
}

const [predictions, dataset] = biasSections();
if (predictions === undefined || dataset === undefined) throw new Error('fixture has two bias sections');
const intersection = sectionAttributes(predictions).find((view) => view.parts.length > 1);
if (intersection === undefined) throw new Error('fixture has an intersection');
const groups = groupsOf(predictions, intersection);
const scores = predictions.scores;
if (scores === undefined) throw new Error('fixture has scores');
/** Every disparity of the rows, as if a check at level error judged each one. */
function allJudged(rows: readonly GroupMetrics[]): Set<string> {
  return new Set(
    rows.flatMap((row) =>
      Object.keys(row.disparities ?? {}).map((metric) => judgedKey(row.attribute, row.group, metric)),
    ),
  );
}
const base = {
  id: 'c',
  attribute: intersection,
  groups,
  minGroupSize: 30,
  tau: 0.8,
  judged: allJudged(groups),
};

const SPECS: [string, TopLevelSpec][] = [
  [
    'rates',
    buildRateChartSpec({ ...base, overall: predictions.overall, metrics: ['selection_rate', 'tpr', 'fpr'] }),
  ],
  ['strip', buildDisparityStripSpec({ ...base, metrics: ['selection_rate', 'tpr', 'fpr'] })],
  ['heatmap', buildDisparityHeatmapSpec({ ...base, metrics: ['selection_rate', 'tpr', 'fpr', 'precision'] })],
  ['sweep', buildSweepSpec({ ...base, scores })],
  ['roc', buildRocSpec({ ...base, scores })],
  ['calibration', buildCalibrationSpec({ ...base, scores })],
  [
    'representation',
    buildRepresentationSpec({
      id: 'r',
      attribute: { key: 'race', parts: ['race'], label: 'race' },
      rows: dataset.dataset?.representation.filter((r) => r.attribute === 'race') ?? [],
      groups: dataset.groups.filter((g) => g.attribute === 'race'),
    }),
  ],
];

/** Every vega expression of the compiled spec: where user text must never go. */
function expressions(spec: TopLevelSpec): string[] {
  return (
    JSON.stringify(compile(spec).spec).match(/"(?:expr|signal|update|test|filter)":"(?:[^"\\]|\\.)*"/g) ?? []
  );
}

function valuesOf(spec: TopLevelSpec): Record<string, unknown>[] {
  const data = (spec as { data?: { values?: Record<string, unknown>[] } }).data?.values;
  if (data !== undefined) return data;
  const layers = (spec as { layer?: { data?: { values?: Record<string, unknown>[] } }[] }).layer ?? [];
  return layers.flatMap((layer) => layer.data?.values ?? []);
}

describe('chart specs', () => {
  it.each(SPECS)('%s keeps group names out of vega expressions', (_name, spec) => {
    const found = expressions(spec);
    expect(found.length).toBeGreaterThan(0);
    for (const expression of found) expect(expression).not.toMatch(/script|img|quoted|male|White|Asian/);
    // The names are in the data, where vega escapes them on output.
    expect(JSON.stringify(spec)).toContain('</script>');
  });

  it('draws rates and the score curves on fixed 0–1 axes', () => {
    for (const [name, spec] of SPECS.filter(([n]) => ['rates', 'sweep', 'roc', 'calibration'].includes(n))) {
      expect(JSON.stringify(spec), name).toMatch(/"domain":\[0,1\],"nice":false/);
    }
  });

  it('thins every score line to at most 100 points', () => {
    const sweep = valuesOf(SPECS[3]?.[1] as TopLevelSpec).filter((d) => d.kind === 'line');
    const perLine = new Map<string, number>();
    for (const d of sweep)
      perLine.set(
        `${String(d.series)}|${String(d.metric)}`,
        (perLine.get(`${String(d.series)}|${String(d.metric)}`) ?? 0) + 1,
      );
    expect(Math.max(...perLine.values())).toBeLessThanOrEqual(100);
    expect(Math.max(...perLine.values())).toBeGreaterThan(50);
    const roc = valuesOf(SPECS[4]?.[1] as TopLevelSpec).filter((d) => d.index !== undefined);
    const rocLines = new Map<string, number>();
    for (const d of roc) rocLines.set(String(d.series), (rocLines.get(String(d.series)) ?? 0) + 1);
    expect(Math.max(...rocLines.values())).toBeLessThanOrEqual(100);
  });

  it('puts every AUC in the ROC legend labels', () => {
    const lines = valuesOf(SPECS[4]?.[1] as TopLevelSpec).filter((d) => d.series !== undefined);
    const labels = new Set(lines.map((d) => String(d.series)));
    expect(labels.size).toBeGreaterThan(2);
    expect([...labels].every((label) => / \(AUC (0\.\d{3}|undefined)\)$/.test(label))).toBe(true);
  });
});

describe('disparity strip', () => {
  const strip = (rows: GroupMetrics[], judged = allJudged(rows)) =>
    valuesOf(buildDisparityStripSpec({ ...base, groups: rows, metrics: ['selection_rate'], judged }));

  it('uses a log axis from 1/4 to 4 with the band edges as ticks, wider for a small tau', () => {
    expect(ratioAxis(0.8)).toEqual({ domain: [0.25, 4], ticks: [0.25, 0.5, 0.8, 1, 1.25, 2, 4] });
    expect(ratioAxis(0.2).domain).toEqual([0.1, 10]);
  });

  it('clamps ratios beyond the axis to its edge and annotates their value', () => {
    const row = (ratio: number | null, parity: 'pass' | 'fail' | 'undefined'): GroupMetrics => ({
      attribute: 'a',
      group: `g${String(ratio)}`,
      n: 100,
      metrics: {},
      disparities: { selection_rate: { ratio: { value: ratio }, difference: { value: 0 }, parity } },
    });
    const [low, high, none, inside] = strip([
      row(0, 'fail'),
      row(9, 'fail'),
      row(null, 'undefined'),
      row(1.1, 'pass'),
    ]);
    expect(low).toMatchObject({ x: 0.25, clamp: 'low', clampText: '◀ 0.000' });
    expect(high).toMatchObject({ x: 4, clamp: 'high', clampText: '9.000 ▶' });
    expect(none).toMatchObject({ x: null, clampText: null });
    expect(inside).toMatchObject({ x: 1.1, clamp: null, verdict: 'Within the parity band' });
  });
});

describe('disparity heatmap', () => {
  it('colours ratios in classes one parity band wide, and undefined cells in their own class', () => {
    expect(colorClasses(0.8)).toEqual([
      '< 0.51',
      '0.51–0.64',
      '0.64–0.80',
      '0.80–1.25',
      '1.25–1.56',
      '1.56–1.95',
      '≥ 1.95',
      'undefined (—)',
    ]);
  });

  it('prints the ratio in each cell with the verdict shape, and "—" where it is undefined', () => {
    const cells = valuesOf(SPECS[2]?.[1] as TopLevelSpec);
    const texts = cells.map((c) => String(c.text));
    expect(texts.some((t) => /^✖ \d+\.\d{2}$/.test(t))).toBe(true);
    expect(texts.some((t) => /^◆ 1\.00$/.test(t))).toBe(true);
    expect(texts.some((t) => /^▲ \d+\.\d{2}$/.test(t))).toBe(true);
    expect(cells.filter((c) => c.text === '—').every((c) => c.color === 'undefined (—)')).toBe(true);
    expect(cells.filter((c) => c.text === '0.99').every((c) => c.color === '0.80–1.25')).toBe(true);
    expect(texts).toContain('—');
  });

  it('draws ✖ and ● only where a check at level error or warn judged the value, a neutral mark elsewhere', () => {
    const row = (group: string, ratio: number, parity: 'pass' | 'fail'): GroupMetrics => ({
      attribute: 'a',
      group,
      n: 100,
      metrics: {},
      disparities: { fdr: { ratio: { value: ratio }, difference: { value: 0 }, parity } },
    });
    const rows = [
      row('judged', 1.5, 'fail'),
      row('off', 1.6, 'fail'),
      row('unchecked', 0.5, 'fail'),
      row('ok', 1, 'pass'),
    ];
    const judgedCheck = (group: string, level: Check['level'], status: Check['status']): Check => ({
      id: 'bias.disparity.fdr',
      area: 'bias',
      title: 'FDR disparity',
      level,
      status,
      message: '',
      expected: null,
      actual: null,
      subject: { attribute: 'a', group, metric: 'fdr' satisfies BiasMetricId },
      evidence: '',
      remediation: '',
    });
    const judged = judgedDisparities([
      judgedCheck('judged', 'warn', 'warn'),
      judgedCheck('off', 'off', 'fail'),
    ]);
    const spec = buildDisparityStripSpec({ ...base, groups: rows, metrics: ['fdr'], judged });
    expect(valuesOf(spec).map((d) => d.verdict)).toEqual([
      'Outside the parity band',
      'Not judged by a check',
      'Not judged by a check',
      'Not judged by a check',
    ]);
    expect(JSON.stringify(spec)).toContain('"Not judged by a check"');
    const heatmap = valuesOf(buildDisparityHeatmapSpec({ ...base, groups: rows, metrics: ['fdr'], judged }));
    expect(heatmap.map((d) => d.text)).toEqual(['✖ 1.50', '1.60', '0.50', '1.00']);
  });
});

describe('score chart series', () => {
  it.each([true, false])(
    'gives no two of the first 50 lines the same colour and dash (overall line: %s)',
    (overall) => {
      const series = Array.from({ length: 50 }, (_, i) => ({
        group: `g${i}`,
        overall: overall && i === 0,
        label: `g${i}`,
        order: i,
      }));
      const { color, strokeDash } = seriesEncoding(series);
      const looks = series.map((_, i) => {
        const colour = color.scale.range[i % color.scale.range.length];
        const dash = strokeDash.scale.range[i % strokeDash.scale.range.length];
        return JSON.stringify([colour, dash]);
      });
      expect(new Set(looks).size).toBe(series.length);
    },
  );
});
