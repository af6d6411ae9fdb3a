import type { AggregationSpec } from './aggregation-spec.js';
import { groupingName, groupingSets } from '../plan/grouping-plan.js';
import { OVERALL_ATTRIBUTE } from '../metrics/metrics.js';
import {
  SCORE,
  predictionSql,
  rangeBoundsSql,
  rawAttributeSql,
  groupNameSql,
  scoreBinSql,
  scoreUnitsSql,
  UNITS,
  scoreRangeCte,
} from './row-expressions.js';
import { quoteIdentifier, quoteLiteral, quoteQualifiedName } from './sql-text.js';

export type { AggregationSpec, PredictionSource, ScoreBinningSpec, ScoreRange } from './aggregation-spec.js';
export { bucketLabelSql, outcomeSql } from './row-expressions.js';
export { quoteIdentifier, quoteLiteral } from './sql-text.js';
/** The first slice's row shape, kept for sections built by hand in tests (see buildBiasSection). */
export type { GroupCountRow } from '../counts/bias-section.js';

/** The name the query gives the overall row (packages/bias/README.md documents the counts table). */
export const COUNTS_OVERALL = OVERALL_ATTRIBUTE;

/*
 * Scores and weights are summed as whole numbers of units (10⁻⁶ of the score range, 10⁻⁶ of a weight). Sums of whole
 * numbers are exact, so they do not depend on the order in which threads or a warehouse add them up, and the same data
 * gives the same bytes; floating-point sums of raw scores do not. Unweighted, the units are summed as DOUBLE, exact
 * below 2⁵³ (9·10⁹ rows); weighted sums can grow larger, so they are BIGINT (summed as HUGEINT/NUMERIC).
 */
/** Weights above this would overflow a BIGINT once scaled; like NULL, NaN or negative weights they are invalid. */
const WEIGHT_LIMIT = '9000000000000';

function wholeUnits(expression: string, asBigint: boolean): string {
  return asBigint ? `SUM(CAST(ROUND(${expression}) AS BIGINT))` : `SUM(ROUND(${expression}))`;
}

/** Each row reduced to what the cells need: raw group keys, label, prediction, score bin and offset, weight. */
function encodedCte(spec: AggregationSpec, missing: string): string {
  const fromData = spec.score?.range === 'from-data';
  const read = spec.attributes.map((attribute, i) => `${rawAttributeSql(spec, attribute)} AS g${i}`);
  read.push(`${quoteIdentifier(spec.label)} AS label`);
  if (spec.prediction?.kind === 'column') read.push(`${quoteIdentifier(spec.prediction.column)} AS p`);
  // Scores and weights are read as DOUBLE: a DECIMAL column would overflow once scaled to units.
  if (spec.score) read.push(`CAST(${quoteIdentifier(spec.score.column)} AS DOUBLE) AS ${SCORE}`);
  if (spec.weight) read.push(`CAST(${quoteIdentifier(spec.weight)} AS DOUBLE) AS w`);
  if (fromData) read.push('r.lo AS lo', 'r.hi AS hi');
  const from = fromData
    ? `${quoteQualifiedName(spec.table)} CROSS JOIN score_range r`
    : quoteQualifiedName(spec.table);
  const kept = [...spec.attributes.map((_, i) => `g${i}`), 'label'];
  // The prediction, bin and offset read the score through its alias, so they are computed one level up.
  if (spec.prediction) kept.push(`${predictionSql(spec, spec.prediction, missing)} AS prediction`);
  if (spec.score) {
    kept.push(
      `${scoreBinSql(spec.score)} AS score_bin`,
      `${scoreUnitsSql(spec.score, spec.weight !== undefined)} AS u`,
    );
  }
  if (spec.weight) kept.push('w', `CASE WHEN w >= 0 AND w <= ${WEIGHT_LIMIT} THEN w ELSE NULL END AS vw`);
  if (fromData) kept.push('lo', 'hi');
  return [
    'encoded AS (',
    `  SELECT ${kept.join(',\n    ')}`,
    `  FROM (SELECT ${read.join(', ')} FROM ${from}) input_rows`,
    ')',
  ].join('\n');
}

function cellKeys(spec: AggregationSpec): string[] {
  const keys = [...spec.attributes.map((_, i) => `g${i}`), 'label'];
  if (spec.prediction) keys.push('prediction');
  if (spec.score) keys.push('score_bin');
  return keys;
}

/** Stage 1 sums per cell: rows, weight units, score-offset units and their squares. */
function cellSums(spec: AggregationSpec): string[] {
  const sums = ['COUNT(*) AS n'];
  const weighted = spec.weight !== undefined;
  if (weighted) {
    sums.push(
      `${wholeUnits(`vw * ${UNITS}`, true)} AS w_units`,
      'MIN(w) AS weight_min',
      'COUNT(vw) AS weight_rows',
    );
  }
  if (spec.score) {
    const w = weighted ? 'vw * ' : '';
    sums.push(`${wholeUnits(`${w}u`, weighted)} AS t_units`);
    sums.push(`${wholeUnits(`${w}u * u / ${UNITS}`, weighted)} AS t_sq_units`);
    if (spec.score.range === 'from-data') sums.push('MIN(lo) AS bin_min', 'MIN(hi) AS bin_max');
  }
  return sums;
}

const alias = (sum: string): string => sum.split(' AS ').pop() ?? sum;

function cellsCte(spec: AggregationSpec): string {
  const keys = cellKeys(spec);
  return `cells AS (\n  SELECT ${[...keys, ...cellSums(spec)].join(', ')}\n  FROM encoded\n  GROUP BY ${keys.join(', ')}\n)`;
}

function labelledCte(spec: AggregationSpec): string {
  const names = spec.attributes.map((attribute, i) => `${groupNameSql(spec, attribute, `g${i}`)} AS g${i}`);
  const rest = cellKeys(spec).filter((key) => !/^g\d+$/.test(key));
  return `labelled AS (\n  SELECT ${[...names, ...rest, ...cellSums(spec).map(alias)].join(', ')}\n  FROM cells\n)`;
}

/** Score sums back in score units: Σs = lo·W + (hi − lo)·T and Σs² = lo²·W + 2·lo·(hi − lo)·T + (hi − lo)²·T₂. */
function scoreSums(spec: AggregationSpec): string[] {
  const score = spec.score;
  if (!score) return [];
  const [lo, hi] = score.range === 'from-data' ? ['MIN(bin_min)', 'MIN(bin_max)'] : rangeBoundsSql(score);
  const total = spec.weight ? `CAST(SUM(w_units) AS DOUBLE) / ${UNITS}` : 'CAST(SUM(n) AS DOUBLE)';
  const t = `CAST(SUM(t_units) AS DOUBLE) / ${UNITS}`;
  const t2 = `CAST(SUM(t_sq_units) AS DOUBLE) / ${UNITS}`;
  const width = `(${hi} - ${lo})`;
  return [
    `${lo} * ${total} + ${width} * ${t} AS score_sum`,
    `${lo} * ${lo} * ${total} + 2 * ${lo} * ${width} * ${t} + ${width} * ${width} * ${t2} AS score_sq_sum`,
    `CAST(${lo} AS DOUBLE) AS bin_min`,
    `CAST(${hi} AS DOUBLE) AS bin_max`,
    `${score.bins} AS bin_count`,
  ];
}

function finalSums(spec: AggregationSpec): string[] {
  const sums = ['SUM(n) AS n'];
  if (spec.weight) {
    sums.push(`CAST(SUM(w_units) AS DOUBLE) / ${UNITS} AS weight`);
    sums.push('MIN(weight_min) AS weight_min', 'SUM(weight_rows) AS weight_rows');
  }
  return [...sums, ...scoreSums(spec)];
}

/** `GROUPING(g0) = 0 AND GROUPING(g1) = 1 …`: the row belongs to the grouping set of exactly these attributes. */
function setCondition(spec: AggregationSpec, set: readonly string[]): string {
  return spec.attributes
    .map((attribute, i) => `GROUPING(g${i}) = ${set.includes(attribute) ? 0 : 1}`)
    .join(' AND ');
}

/** The width of the value columns v0…: the most attributes in one grouping. */
export function valueColumnCount(spec: Pick<AggregationSpec, 'attributes' | 'intersections'>): number {
  return Math.max(1, ...(spec.intersections ?? []).map((set) => set.length));
}

function finalSelect(spec: AggregationSpec): string {
  const sets = groupingSets({
    attributes: [...spec.attributes],
    intersections: (spec.intersections ?? []).map((s) => [...s]),
  });
  const index = (attribute: string): number => spec.attributes.indexOf(attribute);
  const attribute = `CASE ${sets.map((set) => `WHEN ${setCondition(spec, set)} THEN ${quoteLiteral(groupingName(set))}`).join(' ')} ELSE ${quoteLiteral(COUNTS_OVERALL)} END AS attribute`;
  const values = Array.from({ length: valueColumnCount(spec) }, (_, j) => {
    const branches = sets
      .filter((set) => set.length > j)
      .map((set) => `WHEN ${setCondition(spec, set)} THEN g${index(set[j] ?? '')}`);
    return `CASE ${branches.join(' ')} END AS v${j}`;
  });
  const rest = cellKeys(spec).filter((key) => !/^g\d+$/.test(key));
  const groupingKeys = sets.map((set) => `(${[...set.map((a) => `g${index(a)}`), ...rest].join(', ')})`);
  groupingKeys.push(`(${rest.join(', ')})`);
  return [
    'SELECT',
    `  ${[attribute, ...values, ...rest, ...finalSums(spec)].join(',\n  ')}`,
    'FROM labelled',
    `GROUP BY GROUPING SETS (\n  ${groupingKeys.join(',\n  ')}\n)`,
  ].join('\n');
}

/**
 * The one aggregation of the bias audit, returning the counts table (packages/bias/README.md documents its
 * columns). Stage 1 (`cells`) groups the rows by every raw attribute value, label, prediction and score bin in one
 * scan; stage 2 names the groups and takes GROUPING SETS over each attribute, each intersection and overall from
 * that small table. Standard SQL apart from the VARCHAR casts, so it can run where the data lives.
 */
export function buildAggregationSql(spec: AggregationSpec, missingGroup = '(missing)'): string {
  const ctes: string[] = [];
  if (spec.score?.range === 'from-data') ctes.push(scoreRangeCte(spec.table, spec.score.column));
  ctes.push(encodedCte(spec, missingGroup), cellsCte(spec), labelledCte(spec));
  return `WITH ${ctes.join(',\n')}\n${finalSelect(spec)}`;
}
