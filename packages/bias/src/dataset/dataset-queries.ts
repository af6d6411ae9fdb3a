import type { DatasetAnalysis } from '@rai-audit/core';
import type { ContingencyCell, NumericGroupSummary } from './dataset-association.js';
import {
  HIGH_CARDINALITY_LIMIT,
  categoricalProxy,
  highCardinalityProxy,
  isNumericType,
  numericProxy,
  rankProxies,
  type ProxyRow,
} from './dataset-proxies.js';
import type { GroupCount } from './dataset-representation.js';
import {
  buildContingencySql,
  buildDistinctCountSql,
  buildGroupCountSql,
  buildMissingValuesSql,
  buildNumericSummarySql,
  type DatasetQuerySpec,
  type TypedColumn,
} from '../sql/dataset-sql.js';
import type { DuckDbSource } from '../sql/duckdb-source.js';
import { compareGroups } from '../metrics/group-order.js';
import { GROUP_VALUE_JOINER, INTERSECTION_JOINER } from '../plan/grouping-plan.js';
import { OVERALL_ATTRIBUTE, OVERALL_GROUP } from '../metrics/metrics.js';

export type MissingValueRow = DatasetAnalysis['missingValues'][number];
type Row = Record<string, unknown>;

/** The subset of DuckDbSource the dataset queries use, so that tests can run them on any DuckDB relation. */
export type DatasetQueryRunner = Pick<DuckDbSource, 'query'>;

function toNumber(value: unknown): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return 0;
  throw new TypeError(`dataset query returned a non-number: ${String(value)}`);
}

const toText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

/** Indices of the columns a GROUPING SETS row is grouped by (flag 0), from flags `${prefix}0…`. */
function groupedBy(row: Row, prefix: string, count: number): number[] {
  return Array.from({ length: count }, (_, i) => i).filter((i) => toNumber(row[`${prefix}${i}`]) === 0);
}

/** The group values of the grouped attributes, or undefined when one is missing (only possible with drop). */
function groupValues(row: Row, indices: readonly number[]): string[] | undefined {
  const values = indices.map((i) => toText(row[`g${i}`]));
  return values.every((v): v is string => v !== null) ? values : undefined;
}

/** Rows and label positives per group of each attribute and intersection (`a+b`, `x|y`), and overall. */
export async function queryGroupCounts(
  source: DatasetQueryRunner,
  spec: DatasetQuerySpec,
  labelSql: string,
  intersections: ReadonlyArray<readonly string[]> = [],
): Promise<GroupCount[]> {
  const names = spec.attributes.map((a) => a.name);
  const asIndices = intersections.map((members) => members.map((name) => names.indexOf(name)));
  const rows = await source.query(buildGroupCountSql(spec, labelSql, asIndices));
  const counts: GroupCount[] = [];
  for (const row of rows) {
    const indices = groupedBy(row, 's', names.length);
    const values = groupValues(row, indices);
    if (!values) continue;
    const figures = { n: toNumber(row.n), positives: toNumber(row.positives) };
    if (indices.length === 0) counts.push({ attribute: OVERALL_ATTRIBUTE, group: OVERALL_GROUP, ...figures });
    else if (indices.length === 1)
      counts.push({ attribute: names[indices[0] ?? 0] ?? '', group: values[0] ?? '', ...figures });
    else {
      // Name the intersection in the order the user gave its attributes, not the index order.
      const members = intersections.find(
        (m, k) => [...(asIndices[k] ?? [])].sort((x, y) => x - y).join() === indices.join(),
      );
      if (!members) continue;
      const valueOf = Object.fromEntries(indices.map((i, k) => [names[i] ?? '', values[k] ?? '']));
      const ordered = members.map((name) => valueOf[name] ?? '');
      counts.push({
        attribute: members.join(INTERSECTION_JOINER),
        group: ordered.join(GROUP_VALUE_JOINER),
        values: valueOf,
        ...figures,
      });
    }
  }
  return counts;
}

/** Missing values of every column per group of each attribute and overall; an attribute's own column is left out. */
export async function queryMissingValues(
  source: DatasetQueryRunner,
  spec: DatasetQuerySpec,
  columns: readonly TypedColumn[],
): Promise<MissingValueRow[]> {
  const names = spec.attributes.map((a) => a.name);
  const rows = await source.query(buildMissingValuesSql(spec, columns));
  const found: Array<{ order: number; group: string; entries: MissingValueRow[] }> = [];
  for (const row of rows) {
    const indices = groupedBy(row, 's', names.length);
    const values = groupValues(row, indices);
    if (!values) continue;
    const attribute = indices.length === 0 ? OVERALL_ATTRIBUTE : (names[indices[0] ?? 0] ?? '');
    const group = indices.length === 0 ? OVERALL_GROUP : (values[0] ?? '');
    const n = toNumber(row.n);
    const entries = columns.flatMap((column, j) => {
      if (column.name === attribute) return [];
      const missing = n - toNumber(row[`c${j}`]);
      return [{ attribute, group, column: column.name, missing, rate: n > 0 ? missing / n : 0 }];
    });
    found.push({ order: indices.length === 0 ? -1 : (indices[0] ?? 0), group, entries });
  }
  found.sort((a, b) => a.order - b.order || compareGroups(a.group, b.group));
  return found.flatMap((entry) => entry.entries);
}

const pairKey = (attribute: number, feature: number): string => `${attribute}:${feature}`;

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

async function contingencyTables(
  source: DatasetQueryRunner,
  spec: DatasetQuerySpec,
  features: readonly string[],
): Promise<Map<string, ContingencyCell[]>> {
  const tables = new Map<string, ContingencyCell[]>();
  if (features.length === 0) return tables;
  for (const row of await source.query(buildContingencySql(spec, features))) {
    const [attribute] = groupedBy(row, 's', spec.attributes.length);
    const [feature] = groupedBy(row, 't', features.length);
    if (attribute === undefined || feature === undefined) continue;
    const group = toText(row[`g${attribute}`]);
    if (group === null) continue;
    push(tables, pairKey(attribute, feature), {
      group,
      value: toText(row[`f${feature}`]) ?? '',
      n: toNumber(row.n),
    });
  }
  return tables;
}

async function numericSummaries(
  source: DatasetQueryRunner,
  spec: DatasetQuerySpec,
  features: readonly string[],
): Promise<Map<string, NumericGroupSummary[]>> {
  const summaries = new Map<string, NumericGroupSummary[]>();
  if (features.length === 0) return summaries;
  for (const row of await source.query(buildNumericSummarySql(spec, features))) {
    const [attribute] = groupedBy(row, 's', spec.attributes.length);
    const group = attribute === undefined ? null : toText(row[`g${attribute}`]);
    if (attribute === undefined || group === null) continue;
    features.forEach((_, j) => {
      const n = toNumber(row[`n${j}`]);
      const mean = n > 0 ? toNumber(row[`mean${j}`]) : 0;
      const sumSquaredDeviations = n > 0 ? n * toNumber(row[`var${j}`]) : 0;
      push(summaries, pairKey(attribute, j), { group, n, mean, sumSquaredDeviations });
    });
  }
  return summaries;
}

/**
 * The association of every feature with every attribute, strongest first: Cramér's V for categorical features
 * (those with more than HIGH_CARDINALITY_LIMIT distinct values skipped with the reason), η for numeric ones.
 */
export async function queryProxies(
  source: DatasetQueryRunner,
  spec: DatasetQuerySpec,
  features: readonly TypedColumn[],
): Promise<ProxyRow[]> {
  const numeric = features.filter((f) => isNumericType(f.type)).map((f) => f.name);
  const categorical = features.filter((f) => !isNumericType(f.type)).map((f) => f.name);
  const distinctRow =
    categorical.length > 0 ? (await source.query(buildDistinctCountSql(spec.table, categorical)))[0] : {};
  const distinct = categorical.map((_, j) => toNumber(distinctRow?.[`d${j}`]));
  const measurable = categorical.filter((_, j) => (distinct[j] ?? 0) <= HIGH_CARDINALITY_LIMIT);
  const tables = await contingencyTables(source, spec, measurable);
  const spreads = await numericSummaries(source, spec, numeric);
  const rows: ProxyRow[] = [];
  spec.attributes.forEach(({ name: attribute }, a) => {
    categorical.forEach((feature, j) => {
      const k = measurable.indexOf(feature);
      rows.push(
        k < 0
          ? highCardinalityProxy(feature, attribute, distinct[j] ?? 0)
          : categoricalProxy(feature, attribute, tables.get(pairKey(a, k)) ?? []),
      );
    });
    numeric.forEach((feature, j) =>
      rows.push(numericProxy(feature, attribute, spreads.get(pairKey(a, j)) ?? [])),
    );
  });
  return rankProxies(rows);
}
