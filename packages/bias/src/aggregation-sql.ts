import type { ConfusionCounts } from '@rai-audit/core';
import type { OutcomeEncoding } from './outcome-encoding.js';

/** What the aggregation query needs: the relation to read and the columns with their 0/1 mapping. */
export interface AggregationSpec {
  /** A table or view name; for `--emit-sql` the user's warehouse table. */
  table: string;
  attributes: readonly string[];
  label: { column: string; encoding: OutcomeEncoding };
  prediction: { column: string; encoding: OutcomeEncoding };
}

/** One row of the aggregation: `attribute` null is the overall row, `group` null the rows without a value. */
export interface GroupCountRow {
  attribute: string | null;
  group: string | null;
  n: number;
  counts: ConfusionCounts;
}

/** A SQL identifier in double quotes, embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A SQL string literal in single quotes, embedded quotes doubled. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A SQL expression that is 1 when the column holds the positive value, else 0. */
export function outcomeSql(column: string, encoding: OutcomeEncoding): string {
  const ref = quoteIdentifier(column);
  switch (encoding.kind) {
    case 'numeric':
      return `CASE WHEN ${ref} = ${encoding.positive} THEN 1 ELSE 0 END`;
    case 'boolean':
      return `CASE WHEN ${ref} = ${encoding.positive ? 'TRUE' : 'FALSE'} THEN 1 ELSE 0 END`;
    case 'text':
      return `CASE WHEN LOWER(TRIM(CAST(${ref} AS VARCHAR))) = ${quoteLiteral(encoding.positive)} THEN 1 ELSE 0 END`;
  }
}

/** An attribute as text, with NULL and blank values as NULL (they form the "(missing)" group). */
function attributeSql(column: string): string {
  const text = `CAST(${quoteIdentifier(column)} AS VARCHAR)`;
  return `CASE WHEN TRIM(${text}) = '' THEN NULL ELSE ${text} END`;
}

/** `CASE WHEN GROUPING(a0) = 0 THEN <then(0)> WHEN … END`: which grouping set a row belongs to. */
function perGroupingSet(count: number, then: (index: number) => string): string {
  const branches = Array.from({ length: count }, (_, i) => `WHEN GROUPING(a${i}) = 0 THEN ${then(i)}`);
  return `CASE ${branches.join(' ')} END`;
}

/**
 * The one aggregation of the bias audit: confusion counts and n per group of each attribute and overall, via
 * GROUPING SETS. GROUPING() tells "not grouped by this attribute" apart from a NULL (missing) value.
 * Standard SQL apart from the VARCHAR casts, so it can run where the data lives.
 */
export function buildAggregationSql(spec: AggregationSpec): string {
  const count = spec.attributes.length;
  const encoded = [
    ...spec.attributes.map((column, i) => `    ${attributeSql(column)} AS a${i}`),
    `    ${outcomeSql(spec.label.column, spec.label.encoding)} AS y`,
    `    ${outcomeSql(spec.prediction.column, spec.prediction.encoding)} AS p`,
  ];
  const sets = [...spec.attributes.map((_, i) => `(a${i})`), '()'];
  return [
    'WITH encoded AS (',
    '  SELECT',
    encoded.join(',\n'),
    `  FROM ${quoteIdentifier(spec.table)}`,
    ')',
    'SELECT',
    `  ${perGroupingSet(count, (i) => quoteLiteral(spec.attributes[i] ?? ''))} AS attribute,`,
    `  ${perGroupingSet(count, (i) => `a${i}`)} AS group_value,`,
    '  COUNT(*) AS n,',
    '  SUM(CASE WHEN y = 1 AND p = 1 THEN 1 ELSE 0 END) AS tp,',
    '  SUM(CASE WHEN y = 0 AND p = 1 THEN 1 ELSE 0 END) AS fp,',
    '  SUM(CASE WHEN y = 0 AND p = 0 THEN 1 ELSE 0 END) AS tn,',
    '  SUM(CASE WHEN y = 1 AND p = 0 THEN 1 ELSE 0 END) AS fn',
    'FROM encoded',
    `GROUP BY GROUPING SETS (${sets.join(', ')})`,
  ].join('\n');
}

function toCount(value: unknown, column: string): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  // SUM over zero rows is NULL in SQL; a group always has rows, but a pre-aggregated table may not.
  if (value === null || value === undefined) return 0;
  throw new TypeError(`aggregation column ${column} is not a number: ${String(value)}`);
}

function toText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Reads the rows of the aggregation query (as DuckDB or any SQL engine returns them) into group counts. */
export function readAggregationRows(rows: ReadonlyArray<Record<string, unknown>>): GroupCountRow[] {
  return rows.map((row) => ({
    attribute: toText(row.attribute),
    group: toText(row.group_value),
    n: toCount(row.n, 'n'),
    counts: {
      tp: toCount(row.tp, 'tp'),
      fp: toCount(row.fp, 'fp'),
      tn: toCount(row.tn, 'tn'),
      fn: toCount(row.fn, 'fn'),
    },
  }));
}
