import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { biasAuditResult, completeCard, DATA_SHA } from '../../test/card-fixtures.js';
import { cardPolicy } from '../../test/policy.js';
import { HubFrontMatterSchema } from '../hub/hub-metadata.js';
import { buildCard, type CardBuildInput } from './build-card.js';

function build(overrides: Partial<CardBuildInput> = {}) {
  return buildCard({
    card: completeCard(),
    audits: [{ file: 'reports/bias/audit.json', result: biasAuditResult() }],
    provenance: [],
    currentDigests: new Map([['data/eval.csv', DATA_SHA]]),
    policy: cardPolicy(),
    tool: { name: 'rai-audit', version: '0.1.0' },
    createdAt: '2026-01-02T00:00:00.000Z',
    ...overrides,
  });
}

function frontMatter(readme: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(readme);
  return match ? parse(match[1] as string) : undefined;
}

const statuses = (checks: ReturnType<typeof build>['checks'], id: string) =>
  checks.filter((c) => c.id === id).map((c) => c.status);

describe('buildCard', () => {
  it('turns bias groups into typed records: value, interval, subgroup pairs, dataset sha256 and tool', () => {
    const { section } = build();
    const female = section.evaluations.find(
      (r) => r.metric === 'selection_rate' && r.subgroup[0]?.value === 'female' && !r.intersection,
    );
    expect(female).toMatchObject({
      value: 0.3,
      n: 400,
      interval: { method: 'wilson', lower: 0.3 - 0.02 },
      dataset: { sha256: DATA_SHA },
      tool: { version: '0.1.0' },
      disparity: { ratio: 0.6, parity: 'fail' },
    });
    const intersection = section.evaluations.find((r) => r.intersection);
    expect(intersection?.subgroup).toEqual([
      { attribute: 'sex', value: 'female' },
      { attribute: 'age', value: 'young' },
    ]);
  });

  it('writes Hub front matter that the metadata schema accepts, with model-index results for the headline metric', () => {
    const front = frontMatter(build().readme);
    const parsed = HubFrontMatterSchema.parse(front);
    expect(parsed.license).toBe('apache-2.0');
    expect(parsed['model-index']?.[0]?.results[0]?.metrics).toEqual([
      { type: 'accuracy', value: 0.76, name: 'accuracy' },
    ]);
    expect(parsed['model-index']?.[0]?.results[0]?.dataset).toMatchObject({
      type: 'acme/loans',
      revision: DATA_SHA,
    });
  });

  it('puts unitary and intersectional tables under Evaluation', () => {
    const { readme } = build();
    const evaluation = readme.slice(readme.indexOf('## Evaluation'));
    expect(evaluation).toContain('**By group**');
    expect(evaluation).toContain('| sex=female × age=young | 150 |');
  });

  it('passes the content checks of a complete card and flags the small group and the failing fairness data', () => {
    const { checks } = build();
    expect(statuses(checks, 'card.required-sections').every((s) => s === 'pass')).toBe(true);
    expect(statuses(checks, 'card.small-groups')).toContain('warn');
    expect(checks.find((c) => c.id === 'card.small-groups' && c.status === 'warn')?.subject.group).toBe(
      'other',
    );
  });

  it('reports metrics stale when the data file changed since the audit, or is gone', () => {
    expect(statuses(build().checks, 'card.stale-metrics')).toEqual(['pass']);
    expect(
      statuses(
        build({ currentDigests: new Map([['data/eval.csv', 'b'.repeat(64)]]) }).checks,
        'card.stale-metrics',
      ),
    ).toEqual(['fail']);
    expect(
      statuses(build({ currentDigests: new Map([['data/eval.csv', null]]) }).checks, 'card.stale-metrics'),
    ).toEqual(['fail']);
  });

  it('reports metrics stale when the provenance record of the file has another digest', () => {
    const card = completeCard({ evaluationData: [{ name: 'holdout 2025', path: 'data/eval.csv' }] });
    const result = build({
      card,
      currentDigests: new Map(),
      provenance: [{ name: 'holdout 2025', sha256: 'c'.repeat(64) }],
    });
    expect(statuses(result.checks, 'card.stale-metrics')).toEqual(['fail']);
  });

  it('flags a permissive model licence over non-commercial training data, and commercial output terms', () => {
    const card = completeCard({
      trainingData: [{ name: 'forum posts', license: 'CC-BY-NC-4.0' }],
      outputTerms: { license: 'MIT', ownership: 'the user', trainingOtherModels: 'allowed' },
    });
    const { checks } = build({ card });
    expect(statuses(checks, 'card.license-conflicts')).toEqual(['fail']);
    expect(statuses(checks, 'card.output-terms-license')).toEqual(['warn']);
  });

  it('requires output terms of a generative model, and placeholder-free text', () => {
    const card = completeCard({
      model: { ...completeCard().model, generative: true, description: 'TODO describe' },
    });
    const { checks } = build({ card });
    expect(statuses(checks, 'card.output-terms')).toEqual(['fail']);
    expect(checks.find((c) => c.id === 'card.placeholder-text')?.subject.field).toBe('model.description');
  });

  it('leaves out, and reports, model-index entries the Hub would drop', () => {
    const card = completeCard({ huggingFace: { libraryName: 'sklearn' } });
    const { checks, readme } = build({ card });
    expect(statuses(checks, 'card.hub-model-index')).toEqual(['warn']);
    expect(frontMatter(readme)).not.toHaveProperty('model-index');
  });

  it('flags a licence with no SPDX equivalent for the Hub', () => {
    const card = completeCard({ model: { ...completeCard().model, license: 'LicenseRef-OpenRAIL' } });
    const { checks, readme } = build({ card });
    expect(statuses(checks, 'card.hub-license')).toEqual(['warn']);
    expect((frontMatter(readme) as { license: string }).license).toBe('openrail');
  });

  it('every subgroup named in factors needs a metric with an interval', () => {
    const card = completeCard({
      factors: { relevant: [{ attribute: 'sex', groups: ['female', 'intersex'] }, { attribute: 'race' }] },
    });
    const checks = build({ card }).checks.filter((c) => c.id === 'card.subgroup-metrics');
    expect(checks.map((c) => [c.subject.attribute, c.subject.group ?? null, c.status])).toEqual([
      ['sex', 'female', 'pass'],
      ['sex', 'intersex', 'fail'],
      ['race', null, 'fail'],
    ]);
  });
});
