import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { buildRateChartSpec } from './bias-charts.js';
import type { RateChart } from './bias-charts.js';
import { IMG_INJECTION, SCRIPT_INJECTION, buildBiasSection } from '../../test/fixtures.js';

function chartOf(groupNames: string[]): RateChart {
  const section = buildBiasSection([
    {
      name: 'attr',
      missingRows: 0,
      groups: groupNames.map((name, i) => ({ name, counts: { tp: 5 + i, fp: 3, tn: 20, fn: 2 } })),
    },
  ]);
  return {
    id: 'c',
    attribute: { key: 'attr', parts: ['attr'], label: 'attr' },
    metrics: ['tpr', 'fpr'],
    groups: section.groups,
    overall: section.overall,
  };
}

describe('buildRateChartSpec', () => {
  it('draws rates on a fixed 0–1 axis whatever the data', () => {
    const spec = JSON.stringify(buildRateChartSpec(chartOf(['a', 'b'])));
    const domains = [...spec.matchAll(/"domain":\[0,1\],"nice":false/g)];
    expect(domains.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps group names out of vega expressions, where user text must never go', () => {
    const names = [SCRIPT_INJECTION, IMG_INJECTION, 'quote " and \u2028 separator'];
    const vega = compile(buildRateChartSpec(chartOf(names))).spec;
    const expressions = JSON.stringify(vega).match(/"(?:expr|signal|update|test)":"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(expressions.length).toBeGreaterThan(0);
    for (const expression of expressions) {
      expect(expression).not.toMatch(/script|img|separator/);
    }
  });
});
