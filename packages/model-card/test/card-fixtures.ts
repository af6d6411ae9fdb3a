import {
  SCHEMA_VERSION,
  summarizeChecks,
  type AuditResult,
  type GroupMetrics,
  type ModelCardSource,
} from '@rai-audit/core';

/** A group row with accuracy and selection rate from counts, Wilson-like intervals of ±0.02 (the card only copies them). */
export function groupRow(
  attribute: string,
  group: string,
  n: number,
  accuracy: number,
  selection: number,
  extra: Partial<GroupMetrics> = {},
): GroupMetrics {
  const interval = (value: number) => ({
    lower: value - 0.02,
    upper: value + 0.02,
    level: 0.95,
    method: 'wilson' as const,
  });
  return {
    attribute,
    group,
    n,
    metrics: {
      accuracy: { value: accuracy, interval: interval(accuracy) },
      selection_rate: { value: selection, interval: interval(selection) },
    },
    ...extra,
  };
}

export const DATA_SHA = 'a'.repeat(64);

/** A bias AuditResult as `rai-audit bias --intersect sex,age` writes it, with a small group and a failing disparity. */
export function biasAuditResult(overrides: Partial<AuditResult> = {}): AuditResult {
  const groups: GroupMetrics[] = [
    groupRow('sex', 'female', 400, 0.7, 0.3, {
      disparities: { selection_rate: { ratio: { value: 0.6 }, difference: { value: -0.2 }, parity: 'fail' } },
    }),
    groupRow('sex', 'male', 580, 0.8, 0.5, { reference: true }),
    groupRow('sex', 'other', 20, 0.75, 0.4, { smallGroup: true }),
    groupRow('sex+age', 'female|young', 150, 0.68, 0.28, { values: { sex: 'female', age: 'young' } }),
    groupRow('sex+age', 'male|young', 250, 0.79, 0.49, { values: { sex: 'male', age: 'young' } }),
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'rai-audit', version: '0.1.0' },
    command: 'bias',
    createdAt: '2026-01-01T00:00:00.000Z',
    inputs: [{ role: 'data', path: 'data/eval.csv', sha256: DATA_SHA, size: 1234 }],
    policy: { path: null, sha256: null, failOn: 'error' },
    sections: [
      {
        kind: 'bias',
        id: 'bias',
        title: 'Bias',
        mode: 'predictions',
        columns: {
          attributes: ['sex'],
          intersections: [['sex', 'age']],
          label: 'label',
          prediction: 'prediction',
        },
        positiveLabel: '1',
        rows: 1000,
        missing: [],
        settings: { tau: 0.8, minGroupSize: 30, missing: 'group' },
        overall: groupRow('(overall)', '(overall)', 1000, 0.76, 0.42),
        groups,
        summaries: [],
      },
    ],
    checks: [],
    summary: summarizeChecks([]),
    warnings: [],
    ...overrides,
  };
}

/** A complete card source that passes every content check. */
export function completeCard(overrides: Partial<ModelCardSource> = {}): ModelCardSource {
  return {
    model: {
      name: 'credit-scorer',
      id: 'acme/credit-scorer',
      version: '2.1.0',
      type: 'binary classifier',
      architecture: 'gradient-boosted trees',
      description: 'Scores credit applications.\n\nTrained on historical loans.',
      owners: [{ name: 'Risk ML team', contact: 'risk-ml@example.org' }],
      license: 'Apache-2.0',
      references: ['https://example.org/paper'],
      citation: '@misc{acme2026, title={Credit scorer}}',
    },
    intendedUse: {
      primaryUses: ['Ranking applications for manual review'],
      primaryUsers: ['Credit analysts'],
      outOfScopeUses: ['Automatic rejection without review'],
    },
    factors: { relevant: [{ attribute: 'sex', groups: ['female', 'male'], description: 'As recorded' }] },
    metrics: {
      measures: ['accuracy', 'selection_rate'],
      headline: ['accuracy'],
      decisionThresholds: 'Approve at score 0.5.',
    },
    evaluationData: [
      {
        name: 'holdout 2025',
        path: 'data/eval.csv',
        license: 'CC-BY-4.0',
        hubId: 'acme/loans',
        split: 'test',
      },
    ],
    trainingData: [
      {
        name: 'loans 2015-2024',
        source: 'https://example.org/loans',
        license: 'CC-BY-4.0',
        collection: 'Bank records',
      },
    ],
    ethicalConsiderations: [
      { risk: 'Lower approval for women', mitigation: 'Human review of every rejection' },
    ],
    limitations: ['Not validated outside the EU'],
    caveats: ['Scores drift with interest rates'],
    recommendations: ['Re-audit quarterly'],
    huggingFace: {
      libraryName: 'sklearn',
      pipelineTag: 'tabular-classification',
      tags: ['credit'],
      language: ['en'],
    },
    environmentalImpact: { hardwareType: 'CPU', hoursUsed: 2, carbonEmittedKg: 0.4, energyKwh: 1.5 },
    authors: ['Risk ML team'],
    contact: 'risk-ml@example.org',
    ...overrides,
  };
}

/** Card text that tries to break every output: front matter, YAML documents, HTML and Markdown links. */
export const HOSTILE =
  'evil\n---\nlicense: mit\n--- <script>alert(1)</script> [click](javascript:alert(1)) ...';
