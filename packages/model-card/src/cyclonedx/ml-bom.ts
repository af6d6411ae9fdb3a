import { createHash } from 'node:crypto';
import type { CardDataRecord, EvaluationRecord, ModelCardSource } from '@rai-audit/core';
import { sliceName } from '../evaluation/result-tables.js';

export interface BomContext {
  card: ModelCardSource;
  records: readonly EvaluationRecord[];
  data: readonly CardDataRecord[];
  tool: { name: string; version: string };
  createdAt: string;
  /** True when the model's licence parses as an SPDX expression (otherwise it is written as a licence name). */
  isSpdxExpression: (license: string) => boolean;
}

type Json = Record<string, unknown>;

/** A UUID derived from the content, so that the same inputs give the same bytes (serialNumber must be unique per BOM). */
function contentUuid(content: string): string {
  const hex = createHash('sha256').update(content).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

function licenses(license: string | undefined, isSpdx: (l: string) => boolean): Json[] | undefined {
  if (!license) return undefined;
  return isSpdx(license) ? [{ expression: license }] : [{ license: { name: license } }];
}

function performanceMetrics(records: readonly EvaluationRecord[]): Json[] {
  return records
    .filter((record) => record.value !== null)
    .map((record) => ({
      type: record.metric,
      value: String(record.value),
      slice: `${sliceName(record)} (n=${record.n})`,
      ...(record.interval
        ? {
            confidenceInterval: {
              lowerBound: String(record.interval.lower),
              upperBound: String(record.interval.upper),
            },
          }
        : {}),
    }));
}

function fairnessAssessments(card: ModelCardSource, records: readonly EvaluationRecord[]): Json[] {
  const stated = (card.fairnessAssessments ?? []).map((f) => ({
    groupAtRisk: f.groupAtRisk,
    ...(f.benefits ? { benefits: f.benefits } : {}),
    ...(f.harms ? { harms: f.harms } : {}),
    ...(f.mitigation ? { mitigationStrategy: f.mitigation } : {}),
  }));
  const measured = records
    .filter((record) => record.disparity?.parity === 'fail')
    .map((record) => ({
      groupAtRisk: sliceName(record),
      harms: `${record.metric} is ${record.disparity?.ratio?.toFixed(3) ?? 'undefined'} times the reference group's, outside the parity band (${record.source})`,
    }));
  return [...stated, ...measured];
}

function dataRef(index: number): string {
  return `data-${index + 1}`;
}

function dataComponent(record: CardDataRecord, index: number, isSpdx: (l: string) => boolean): Json {
  const url = record.source && /^https?:\/\//.test(record.source) ? record.source : undefined;
  return {
    type: 'data',
    'bom-ref': dataRef(index),
    name: record.name,
    ...(record.sha256 ? { hashes: [{ alg: 'SHA-256', content: record.sha256 }] } : {}),
    ...(record.license ? { licenses: licenses(record.license, isSpdx) } : {}),
    data: [
      {
        type: 'dataset',
        name: record.name,
        ...(url ? { contents: { url } } : {}),
      },
    ],
    properties: [
      { name: 'rai-audit:data:role', value: record.role },
      ...(record.path ? [{ name: 'rai-audit:data:path', value: record.path }] : []),
      ...(record.collection ? [{ name: 'rai-audit:data:collection', value: record.collection }] : []),
      ...(record.source && !url ? [{ name: 'rai-audit:data:source', value: record.source }] : []),
    ],
  };
}

function outputTermProperties(card: ModelCardSource): Json[] {
  const terms = card.outputTerms;
  if (!terms) return [];
  const entries: Array<[string, string | undefined]> = [
    ['ownership', terms.ownership],
    ['license', terms.license],
    ['training-other-models', terms.trainingOtherModels],
    ['conditions', terms.conditions],
    ...(terms.restrictions ?? []).map((r): [string, string] => ['restriction', r]),
  ];
  return entries.flatMap(([name, value]) =>
    value ? [{ name: `rai-audit:output-terms:${name}`, value }] : [],
  );
}

/** A CycloneDX 1.6 BOM: the model as a machine-learning-model component with its modelCard, its datasets as data components. */
export function buildMlBom(context: BomContext): Json {
  const { card, records, data, tool, createdAt, isSpdxExpression } = context;
  const m = card.model;
  const use = card.intendedUse ?? {};
  const impact = card.environmentalImpact;
  const fairness = fairnessAssessments(card, records);
  const modelCard: Json = {
    modelParameters: {
      ...(m.type ? { task: m.type } : {}),
      ...(m.architecture ? { modelArchitecture: m.architecture } : {}),
      ...(data.length ? { datasets: data.map((_, index) => ({ ref: dataRef(index) })) } : {}),
    },
    quantitativeAnalysis: { performanceMetrics: performanceMetrics(records) },
    considerations: {
      ...(use.primaryUsers?.length ? { users: use.primaryUsers } : {}),
      ...(use.primaryUses?.length ? { useCases: use.primaryUses } : {}),
      ...(card.limitations?.length ? { technicalLimitations: card.limitations } : {}),
      ...(card.caveats?.length ? { performanceTradeoffs: card.caveats } : {}),
      ...(card.ethicalConsiderations?.length
        ? {
            ethicalConsiderations: card.ethicalConsiderations.map((e) => ({
              name: e.risk,
              ...(e.mitigation ? { mitigationStrategy: e.mitigation } : {}),
            })),
          }
        : {}),
      ...(fairness.length ? { fairnessAssessments: fairness } : {}),
      ...(impact?.energyKwh !== undefined || impact?.carbonEmittedKg !== undefined
        ? {
            environmentalConsiderations: {
              energyConsumptions: [
                {
                  activity: 'training',
                  energyProviders: [],
                  activityEnergyCost: { value: impact.energyKwh ?? 0, unit: 'kWh' },
                  ...(impact.carbonEmittedKg !== undefined
                    ? { co2CostEquivalent: { value: impact.carbonEmittedKg / 1000, unit: 'tCO2eq' } }
                    : {}),
                },
              ],
            },
          }
        : {}),
    },
  };
  const model: Json = {
    type: 'machine-learning-model',
    'bom-ref': 'model',
    name: m.name,
    ...(m.version ? { version: m.version } : {}),
    ...(m.description ? { description: m.description } : {}),
    ...(m.owners?.length
      ? {
          authors: m.owners.map((o) => ({
            name: o.name,
            ...(o.contact?.includes('@') ? { email: o.contact } : {}),
          })),
        }
      : {}),
    ...(m.license ? { licenses: licenses(m.license, isSpdxExpression) } : {}),
    modelCard,
    ...(outputTermProperties(card).length ? { properties: outputTermProperties(card) } : {}),
  };
  const components = [model, ...data.map((record, index) => dataComponent(record, index, isSpdxExpression))];
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${contentUuid(JSON.stringify([card, records, data]))}`,
    version: 1,
    metadata: {
      timestamp: createdAt,
      tools: { components: [{ type: 'application', name: tool.name, version: tool.version }] },
    },
    components,
    dependencies: [{ ref: 'model', dependsOn: data.map((_, index) => dataRef(index)) }],
  };
}
