import type { BiasSection, ConfusionCounts, GroupMetrics } from '@rai-audit/core';
import type { GroupCountRow } from './aggregation-sql.js';
import { MISSING_GROUP, OVERALL_ATTRIBUTE, OVERALL_GROUP, computeGroupMetrics } from './metrics.js';
import { computeDemographicParity } from './parity.js';

export interface BiasSectionInput {
  /** The data file as the user named it; its base name goes into the title. */
  file: string;
  attributes: readonly string[];
  label: string;
  prediction: string;
  positiveLabel: string;
  rows: readonly GroupCountRow[];
}

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

/** Group values in natural order ("9" before "10"), "(missing)" last; code-unit order breaks ties. */
export function compareGroups(a: string, b: string): number {
  if (a === b) return 0;
  if (a === MISSING_GROUP) return 1;
  if (b === MISSING_GROUP) return -1;
  return naturalOrder.compare(a, b) || (a < b ? -1 : 1);
}

function baseName(file: string): string {
  return file.split(/[\\/]/).filter(Boolean).pop() ?? file;
}

function overallCounts(rows: readonly GroupCountRow[]): ConfusionCounts {
  const overall = rows.find((row) => row.attribute === null);
  if (!overall) throw new Error('the aggregation returned no overall row');
  return overall.counts;
}

/** The groups of each attribute, in the order the attributes were given, each sorted by value. */
function groupTable(input: BiasSectionInput, overall: ConfusionCounts): GroupMetrics[] {
  return input.attributes.flatMap((attribute) =>
    input.rows
      .filter((row) => row.attribute === attribute)
      .map((row) => ({ group: row.group ?? MISSING_GROUP, counts: row.counts }))
      .sort((a, b) => compareGroups(a.group, b.group))
      .map(({ group, counts }) => computeGroupMetrics(attribute, group, counts, overall)),
  );
}

/** The bias section of the AuditResult from the aggregated counts: groups, overall row, missing rows, parity. */
export function buildBiasSection(input: BiasSectionInput): BiasSection {
  const overall = overallCounts(input.rows);
  const groups = groupTable(input, overall);
  const overallRow = computeGroupMetrics(OVERALL_ATTRIBUTE, OVERALL_GROUP, overall, overall);
  return {
    kind: 'bias',
    id: 'bias',
    title: `Bias: ${baseName(input.file)}`,
    mode: 'predictions',
    columns: { attributes: [...input.attributes], label: input.label, prediction: input.prediction },
    positiveLabel: input.positiveLabel,
    rows: overallRow.n,
    missing: input.attributes.map((attribute) => ({
      attribute,
      rows: groups.find((g) => g.attribute === attribute && g.group === MISSING_GROUP)?.n ?? 0,
    })),
    overall: overallRow,
    groups,
    summaries: input.attributes.flatMap((attribute) => computeDemographicParity(attribute, groups)),
  };
}
