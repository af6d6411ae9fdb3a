import { quoteIdentifier, quoteLiteral } from './aggregation-sql.js';
import { LOOKS_MISSING_SQL, MISSING_GROUP } from '../metrics/metrics.js';

/** What the dataset queries read: the relation, each attribute's group expression, and the missing-value rule. */
export interface DatasetQuerySpec {
  table: string;
  /** Attribute names, each with the SQL expression of its group value (text; NULL or blank = missing). */
  attributes: ReadonlyArray<{ name: string; sql: string }>;
  /** group: rows without a value form the "(missing)" group; drop: they are left out of that attribute's figures. */
  missing: 'group' | 'drop';
}

/** A column with its DuckDB type, as DESCRIBE lists it. */
export interface TypedColumn {
  name: string;
  type: string;
}

/** The group expression of an attribute read straight from its column. */
export function columnGroupSql(column: string): string {
  return quoteIdentifier(column);
}

const isText = (type: string): boolean => /^(VARCHAR|TEXT|STRING|CHAR|BPCHAR)/i.test(type.trim());

/** The group name of a text value that is present: quoted when it reads as "(missing)" (metrics.ts groupNameOf). */
function presentGroupNameSql(text: string): string {
  return `CASE WHEN regexp_matches(${text}, ${quoteLiteral(LOOKS_MISSING_SQL)}) THEN '"' || ${text} || '"' ELSE ${text} END`;
}

/** An expression as text with blanks as NULL, then as "(missing)" when missing values form a group. */
function groupValueSql(expression: string, missing: DatasetQuerySpec['missing']): string {
  const text = `CAST((${expression}) AS VARCHAR)`;
  const named = `CASE WHEN TRIM(${text}) = '' THEN NULL ELSE ${presentGroupNameSql(text)} END`;
  return missing === 'group' ? `COALESCE(${named}, ${quoteLiteral(MISSING_GROUP)})` : named;
}

/** A categorical feature's value as text, NULL and blank as "(missing)": missingness can itself be a proxy. */
function categorySql(column: string): string {
  const text = `CAST(${quoteIdentifier(column)} AS VARCHAR)`;
  return `CASE WHEN ${text} IS NULL OR TRIM(${text}) = '' THEN ${quoteLiteral(MISSING_GROUP)} ELSE ${presentGroupNameSql(text)} END`;
}

/** A column's value, with blank text as NULL so that COUNT skips it. */
function presentValueSql(column: TypedColumn): string {
  const ref = quoteIdentifier(column.name);
  return isText(column.type) ? `NULLIF(TRIM(${ref}), '')` : ref;
}

const attributeColumns = (spec: DatasetQuerySpec): string[] =>
  spec.attributes.map((attribute, i) => `    ${groupValueSql(attribute.sql, spec.missing)} AS g${i}`);

const groupingFlags = (prefix: string, count: number, column: string): string[] =>
  Array.from({ length: count }, (_, i) => `GROUPING(${column}${i}) AS ${prefix}${i}`);

const indexList = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

function query(spec: DatasetQuerySpec, encoded: string[], select: string[], sets: string[]): string {
  return [
    'WITH encoded AS (',
    '  SELECT',
    encoded.join(',\n'),
    `  FROM ${quoteIdentifier(spec.table)}`,
    ')',
    'SELECT',
    select.map((item) => `  ${item}`).join(',\n'),
    'FROM encoded',
    `GROUP BY GROUPING SETS (${sets.join(', ')})`,
  ].join('\n');
}

/**
 * Rows and label positives per group of each attribute, each intersection (lists of attribute indices) and overall.
 * Output: s0… (GROUPING flag per attribute: 0 = grouped by it), g0…, n, positives.
 */
export function buildGroupCountSql(
  spec: DatasetQuerySpec,
  labelSql: string,
  intersections: ReadonlyArray<readonly number[]>,
): string {
  const count = spec.attributes.length;
  const sets = [
    ...indexList('g', count).map((g) => `(${g})`),
    ...intersections.map((indices) => `(${indices.map((i) => `g${i}`).join(', ')})`),
    '()',
  ];
  return query(
    spec,
    [...attributeColumns(spec), `    (${labelSql}) AS y`],
    [...groupingFlags('s', count, 'g'), ...indexList('g', count), 'COUNT(*) AS n', 'SUM(y) AS positives'],
    sets,
  );
}

/** Rows and non-missing values of every column per group of each attribute and overall: s…, g…, n, c0…. */
export function buildMissingValuesSql(spec: DatasetQuerySpec, columns: readonly TypedColumn[]): string {
  const count = spec.attributes.length;
  return query(
    spec,
    [...attributeColumns(spec), ...columns.map((column, j) => `    ${presentValueSql(column)} AS c${j}`)],
    [
      ...groupingFlags('s', count, 'g'),
      ...indexList('g', count),
      'COUNT(*) AS n',
      ...columns.map((_, j) => `COUNT(c${j}) AS c${j}`),
    ],
    [...indexList('g', count).map((g) => `(${g})`), '()'],
  );
}

/** Distinct non-missing values of each feature over the whole table: d0…. */
export function buildDistinctCountSql(table: string, features: readonly string[]): string {
  const counts = features.map(
    (feature, j) => `COUNT(DISTINCT CAST(${quoteIdentifier(feature)} AS VARCHAR)) AS d${j}`,
  );
  return `SELECT ${counts.join(', ')} FROM ${quoteIdentifier(table)}`;
}

/** The contingency table of every (attribute, categorical feature) pair: s…, t… (feature flags), g…, f…, n. */
export function buildContingencySql(spec: DatasetQuerySpec, features: readonly string[]): string {
  const count = spec.attributes.length;
  const sets = indexList('g', count).flatMap((g) =>
    indexList('f', features.length).map((f) => `(${g}, ${f})`),
  );
  return query(
    spec,
    [...attributeColumns(spec), ...features.map((feature, j) => `    ${categorySql(feature)} AS f${j}`)],
    [
      ...groupingFlags('s', count, 'g'),
      ...groupingFlags('t', features.length, 'f'),
      ...indexList('g', count),
      ...indexList('f', features.length),
      'COUNT(*) AS n',
    ],
    sets,
  );
}

/** A numeric column as DOUBLE, with NaN and ±infinity as NULL: they have no place in a mean or a variance. */
function finiteNumberSql(column: string): string {
  const value = `CAST(${quoteIdentifier(column)} AS DOUBLE)`;
  return `CASE WHEN isfinite(${value}) THEN ${value} END`;
}

/**
 * Count, mean and population variance of the finite values of every numeric feature per group of each attribute:
 * s…, g…, n0…, mean0…, var0…. DuckDB's VAR_POP is computed stably, so within-group spreads survive large means.
 */
export function buildNumericSummarySql(spec: DatasetQuerySpec, features: readonly string[]): string {
  const count = spec.attributes.length;
  return query(
    spec,
    [...attributeColumns(spec), ...features.map((feature, j) => `    ${finiteNumberSql(feature)} AS x${j}`)],
    [
      ...groupingFlags('s', count, 'g'),
      ...indexList('g', count),
      ...features.flatMap((_, j) => [
        `COUNT(x${j}) AS n${j}`,
        `AVG(x${j}) AS mean${j}`,
        `VAR_POP(x${j}) AS var${j}`,
      ]),
    ],
    indexList('g', count).map((g) => `(${g})`),
  );
}
