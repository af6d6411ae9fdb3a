import type {
  AuditResult,
  BiasSection,
  CardChartData,
  EvaluationRecord,
  GroupMetrics,
  ThresholdRule,
} from '@rai-audit/core';

/** Metrics reported when the card's `metrics.measures` names none. */
export const DEFAULT_MEASURES = ['accuracy', 'selection_rate', 'tpr', 'fpr'] as const;

export interface AuditSource {
  /** The file as the user named it. */
  file: string;
  result: AuditResult;
}

function describeRule(rule: ThresholdRule | undefined, section: BiasSection): string | undefined {
  if (!rule)
    return section.columns.prediction ? `prediction column "${section.columns.prediction}"` : undefined;
  switch (rule.kind) {
    case 'threshold':
      return `score >= ${rule.threshold}`;
    case 'top-k':
      return `top ${rule.k} scores (score >= ${rule.threshold})`;
    case 'top-percent':
      return `top ${rule.percent} % of scores (score >= ${rule.threshold})`;
    case 'per-group':
      return `per-group thresholds ${Object.entries(rule.thresholds)
        .map(([group, t]) => `${group}=${t}`)
        .join(', ')}`;
  }
}

function subgroupOf(row: GroupMetrics): EvaluationRecord['subgroup'] {
  if (row.attribute === '(overall)') return [];
  if (row.values) return Object.entries(row.values).map(([attribute, value]) => ({ attribute, value }));
  return [{ attribute: row.attribute, value: row.group }];
}

function recordsOfRow(
  row: GroupMetrics,
  measures: readonly string[],
  common: Pick<EvaluationRecord, 'dataset' | 'tool' | 'source' | 'auditedAt' | 'threshold'>,
): EvaluationRecord[] {
  const subgroup = subgroupOf(row);
  return measures.flatMap((metric) => {
    const value = row.metrics[metric as keyof GroupMetrics['metrics']];
    if (!value) return [];
    const disparity = row.disparities?.[metric as keyof GroupMetrics['metrics']];
    const record: EvaluationRecord = {
      metric,
      value: value.value,
      ...(value.reason ? { reason: value.reason } : {}),
      ...(value.interval ? { interval: value.interval } : {}),
      ...(common.threshold ? { threshold: common.threshold } : {}),
      subgroup,
      intersection: subgroup.length > 1,
      n: row.n,
      ...(row.smallGroup ? { smallGroup: true } : {}),
      ...(disparity ? { disparity: { ratio: disparity.ratio.value, parity: disparity.parity } } : {}),
      dataset: common.dataset,
      tool: common.tool,
      source: common.source,
      auditedAt: common.auditedAt,
    };
    return [record];
  });
}

/** Typed evaluation records of every bias section of every audit: overall, each group, each intersection. */
export function evaluationRecords(
  sources: readonly AuditSource[],
  measures: readonly string[],
): EvaluationRecord[] {
  return sources.flatMap(({ file, result }) => {
    const data = result.inputs.find((input) => input.role === 'data') ?? result.inputs[0];
    const dataset = data ? { path: data.path, sha256: data.sha256, size: data.size } : null;
    return result.sections.flatMap((section) => {
      if (section.kind !== 'bias' || section.mode !== 'predictions') return [];
      const common = {
        dataset,
        tool: result.tool,
        source: file,
        auditedAt: result.createdAt,
        threshold: describeRule(section.scores?.rule, section),
      };
      return [section.overall, ...section.groups].flatMap((row) => recordsOfRow(row, measures, common));
    });
  });
}

/** The groups of each single attribute of each bias section, for the disparity charts of the HTML card. */
export function chartData(sources: readonly AuditSource[]): CardChartData[] {
  return sources.flatMap(({ file, result }) =>
    result.sections.flatMap((section) => {
      if (section.kind !== 'bias' || section.mode !== 'predictions') return [];
      return section.columns.attributes.map((attribute) => ({
        source: file,
        attribute,
        tau: section.settings?.tau ?? 0.8,
        ...(section.settings ? { minGroupSize: section.settings.minGroupSize } : {}),
        groups: section.groups.filter((row) => row.attribute === attribute),
      }));
    }),
  );
}
