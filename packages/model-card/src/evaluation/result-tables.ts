import type { EvaluationRecord } from '@rai-audit/core';

/** A table of results as plain text cells (renderers escape them): one row per slice, one column per metric. */
export interface ResultTable {
  header: string[];
  rows: string[][];
  /** The audits, datasets and interval methods the numbers come from. */
  notes: string[];
}

/** `0.706 (0.688–0.724)`, or `undefined (reason)`. */
export function formatEstimate(record: Pick<EvaluationRecord, 'value' | 'interval' | 'reason'>): string {
  if (record.value === null) return `undefined${record.reason ? ` (${record.reason})` : ''}`;
  const value = record.value.toFixed(3);
  return record.interval
    ? `${value} (${record.interval.lower.toFixed(3)}–${record.interval.upper.toFixed(3)})`
    : value;
}

/** `sex=female`, `sex=female × age=65+`, or `overall`. */
export function sliceName(record: Pick<EvaluationRecord, 'subgroup'>): string {
  if (record.subgroup.length === 0) return 'overall';
  return record.subgroup.map((pair) => `${pair.attribute}=${pair.value}`).join(' × ');
}

function notesOf(records: readonly EvaluationRecord[]): string[] {
  const notes = new Set<string>();
  for (const record of records) {
    const data = record.dataset
      ? `${record.dataset.path} (sha256 ${record.dataset.sha256})`
      : 'no data file recorded';
    notes.add(
      `${record.source}: ${record.tool.name} ${record.tool.version}, ${record.auditedAt}, on ${data}`,
    );
  }
  const methods = [
    ...new Set(
      records.flatMap((r) => (r.interval ? [`${r.interval.method} ${r.interval.level * 100} %`] : [])),
    ),
  ];
  if (methods.length > 0) notes.add(`Intervals: ${methods.join(', ')}.`);
  const thresholds = [...new Set(records.flatMap((r) => (r.threshold ? [r.threshold] : [])))];
  if (thresholds.length > 0) notes.add(`Decision rule: ${thresholds.join('; ')}.`);
  return [...notes];
}

function tableOf(records: readonly EvaluationRecord[], minGroupSize: number): ResultTable {
  const metrics = [...new Set(records.map((record) => record.metric))];
  const slices = new Map<string, EvaluationRecord[]>();
  for (const record of records) {
    const key = `${record.source}\u0000${sliceName(record)}`;
    slices.set(key, [...(slices.get(key) ?? []), record]);
  }
  const rows = [...slices.values()].map((slice) => {
    const first = slice[0] as EvaluationRecord;
    const small = first.smallGroup || first.n < minGroupSize ? ' (small group)' : '';
    return [
      sliceName(first),
      `${first.n}${small}`,
      ...metrics.map((metric) => {
        const record = slice.find((r) => r.metric === metric);
        return record ? formatEstimate(record) : '—';
      }),
    ];
  });
  return { header: ['Slice', 'n', ...metrics], rows, notes: notesOf(records) };
}

/** The unitary table (overall and each group of one attribute) and the intersectional one (may be empty). */
export function resultTables(
  records: readonly EvaluationRecord[],
  minGroupSize: number,
): { unitary: ResultTable; intersectional: ResultTable } {
  return {
    unitary: tableOf(
      records.filter((record) => !record.intersection),
      minGroupSize,
    ),
    intersectional: tableOf(
      records.filter((record) => record.intersection),
      minGroupSize,
    ),
  };
}
