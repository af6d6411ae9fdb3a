import { readFileSync } from 'node:fs';
import { createCatalog, defaultPolicy, type BiasMetricId, type BiasSection } from '@rai-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED_ABSENT, hasShared, sharedPath } from '../../../tests/shared-fixtures.js';
import { biasCheckDefinitions } from './checks/check-definitions.js';
import { runBiasAudit } from './run-bias-audit.js';

// Fairlearn 0.9.0 and Aequitas 0.42.0 outputs on the same files (../shared/fixtures/fairness/README.md).
interface FairlearnGroup {
  group: Record<string, string>;
  count: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  [metric: string]: unknown;
}
interface FairlearnAnalysis {
  sensitive_features: string[];
  groups: FairlearnGroup[];
  overall: FairlearnGroup;
  disparities: { between_groups: Record<string, number | null> };
}
type AequitasGroup = Record<string, string | number | boolean | null>;

const TOLERANCE = 1e-9;
const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
const readJson = <T>(name: string): T =>
  JSON.parse(readFileSync(sharedPath('fixtures', 'fairness', name), 'utf8')) as T;
// The reference scripts name the group of empty values __MISSING__; DESIGN.md names it (missing).
const groupName = (value: string): string => (value === '__MISSING__' ? '(missing)' : value);

function ours(section: BiasSection, attribute: string, group: string) {
  const row = section.groups.find((g) => g.attribute === attribute && g.group === group);
  if (!row) throw new Error(`no group ${attribute}=${group}`);
  return row;
}

/** Fairlearn reports an undefined rate (0/0) as 0; we report null. Everything else must agree to 1e-9. */
function expectFairlearnRate(value: number | null | undefined, reference: unknown, label: string): void {
  if (value === null || value === undefined) expect(reference, `${label}: Fairlearn's 0 for 0/0`).toBe(0);
  else expect(Math.abs(value - Number(reference)), label).toBeLessThan(TOLERANCE);
}

const FAIRLEARN_METRICS: Array<[string, BiasMetricId]> = [
  ['selection_rate', 'selection_rate'],
  ['accuracy', 'accuracy'],
  ['tpr', 'tpr'],
  ['fpr', 'fpr'],
  ['fnr', 'fnr'],
  ['precision', 'precision'],
];

function compareWithFairlearn(section: BiasSection, analysis: FairlearnAnalysis): number {
  const attribute = analysis.sensitive_features[0] ?? '';
  let compared = 0;
  for (const reference of analysis.groups) {
    const row = ours(section, attribute, groupName(reference.group[attribute] ?? ''));
    expect(row.n).toBe(reference.count);
    expect(row.counts).toEqual({ tp: reference.tp, fp: reference.fp, tn: reference.tn, fn: reference.fn });
    for (const [theirs, mine] of FAIRLEARN_METRICS) {
      expectFairlearnRate(row.metrics[mine]?.value, reference[theirs], `${attribute}=${row.group} ${mine}`);
      compared++;
    }
  }
  const summary = (id: string) =>
    section.summaries.find((s) => s.attribute === attribute && s.summary === id)?.value;
  for (const id of ['demographic_parity_difference', 'demographic_parity_ratio']) {
    expectFairlearnRate(summary(id), analysis.disparities.between_groups[id], `${attribute} ${id}`);
  }
  return compared;
}

describe.skipIf(!hasShared('fixtures', 'fairness'))(
  'agreement with Fairlearn and Aequitas ' + SHARED_ABSENT,
  () => {
    let section: BiasSection;

    beforeAll(async () => {
      const outcome = await runBiasAudit(
        {
          file: sharedPath('fixtures', 'fairness', 'predictions_2000.csv'),
          attributes: ['race', 'sex', 'age_band'],
          label: 'label',
          prediction: 'pred',
          summaryGroups: 'all', // Fairlearn takes every group, however small
        },
        policy,
      );
      section = outcome.section;
    });

    it('matches Fairlearn 0.9.0 per group (counts, selection rate, accuracy, TPR, FPR, FNR, precision) and its parity', () => {
      const reference = readJson<{ rows: number; analyses: FairlearnAnalysis[] }>('fairlearn_2000.json');
      expect(section.rows).toBe(reference.rows);
      let compared = 0;
      for (const analysis of reference.analyses.filter((a) => a.sensitive_features.length === 1)) {
        compared += compareWithFairlearn(section, analysis);
      }
      expect(compared).toBe(6 * (6 + 2 + 3));
      expect(section.overall.counts).toEqual({ tp: 649, fp: 187, tn: 1063, fn: 101 });
    });

    it('matches Aequitas 0.42.0 per group on every rate both compute, ppr included', () => {
      const reference = readJson<{ groups: AequitasGroup[] }>('aequitas_2000.json');
      const pairs: Array<[string, BiasMetricId]> = [
        ['tpr', 'tpr'],
        ['tnr', 'tnr'],
        ['fpr', 'fpr'],
        ['fnr', 'fnr'],
        ['precision', 'precision'],
        ['npv', 'npv'],
        ['fdr', 'fdr'],
        ['for', 'for'],
        ['ppr', 'ppr'],
        ['pprev', 'selection_rate'],
        ['prev', 'prevalence'],
      ];
      const single = reference.groups.filter((g) => !String(g.attribute_name).includes('+'));
      expect(single).toHaveLength(6 + 2 + 3);
      for (const group of single) {
        const row = ours(section, String(group.attribute_name), groupName(String(group.attribute_value)));
        expect(row.n).toBe(group.group_size);
        expect([row.counts?.tp, row.counts?.fp, row.counts?.tn, row.counts?.fn]).toEqual([
          group.tp,
          group.fp,
          group.tn,
          group.fn,
        ]);
        for (const [theirs, mine] of pairs) {
          const value = row.metrics[mine]?.value;
          if (group[theirs] === null) expect(value).toBeNull();
          else expect(Math.abs((value ?? NaN) - Number(group[theirs]))).toBeLessThan(TOLERANCE);
        }
      }
    });

    it('keeps undefined what Fairlearn reports as 0 on the edge cases, with the same counts and parity', async () => {
      const { section: edges } = await runBiasAudit(
        {
          file: sharedPath('fixtures', 'fairness', 'edge_cases.csv'),
          attributes: ['race', 'sex'],
          label: 'label',
          prediction: 'pred',
          summaryGroups: 'all', // Fairlearn takes every group, however small
        },
        policy,
      );
      const reference = readJson<{ analyses: FairlearnAnalysis[] }>('fairlearn_edge_cases.json');
      for (const analysis of reference.analyses.filter((a) => a.sensitive_features.length === 1)) {
        compareWithFairlearn(edges, analysis);
      }
      // race=A has no actual positives: Fairlearn says TPR 0, we say undefined with the reason.
      expect(ours(edges, 'race', 'A').metrics.tpr).toMatchObject({
        value: null,
        reason: 'no actual positives (TP+FN = 0)',
      });
      expect(ours(edges, 'race', '(missing)').n).toBe(1);
    });
  },
);
