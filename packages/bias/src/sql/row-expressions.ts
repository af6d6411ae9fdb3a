import type { AggregationSpec, PredictionSource, ScoreBinningSpec } from './aggregation-spec.js';
import type { OutcomeEncoding } from '../plan/outcome-encoding.js';
import { dataValueOf } from '../metrics/metrics.js';
import { numberLiteral, quoteIdentifier, quoteLiteral, quoteQualifiedName } from './sql-text.js';

/** The alias of the score in the per-row stage. */
export const SCORE = 's';

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

/** The bucket index of a numeric attribute: 0 below the first edge, i in [edge i-1, edge i), NULL when missing. */
function bucketIndexSql(column: string, edges: readonly number[]): string {
  const ref = quoteIdentifier(column);
  const branches = edges.map((edge, i) => `WHEN ${ref} < ${numberLiteral(edge)} THEN ${i}`);
  return `CASE WHEN ${ref} IS NULL THEN NULL ${branches.join(' ')} ELSE ${edges.length} END`;
}

/** The bucket label of a numeric attribute, straight from its column (NULL when missing): for the dataset queries. */
export function bucketLabelSql(
  column: string,
  bucketing: { edges: readonly number[]; labels: readonly string[] },
): string {
  const ref = quoteIdentifier(column);
  const branches = bucketing.edges.map(
    (edge, i) => `WHEN ${ref} < ${numberLiteral(edge)} THEN ${quoteLiteral(bucketing.labels[i] ?? '')}`,
  );
  return `CASE WHEN ${ref} IS NULL THEN NULL ${branches.join(' ')} ELSE ${quoteLiteral(bucketing.labels.at(-1) ?? '')} END`;
}

/** Stage 1 keeps each attribute raw (or its bucket index): per-row string work is left to the small stage 2. */
export function rawAttributeSql(spec: AggregationSpec, attribute: string): string {
  const bucket = spec.buckets?.[attribute];
  return bucket ? bucketIndexSql(attribute, bucket.edges) : quoteIdentifier(attribute);
}

/** Stage 2 turns a raw value into its group name; blank text and NULL become NULL, the missing group. */
export function groupNameSql(spec: AggregationSpec, attribute: string, ref: string): string {
  const bucket = spec.buckets?.[attribute];
  if (bucket) {
    const branches = bucket.labels.map((label, i) => `WHEN ${i} THEN ${quoteLiteral(label)}`);
    return `CASE ${ref} ${branches.join(' ')} END`;
  }
  const text = `CAST(${ref} AS VARCHAR)`;
  return `CASE WHEN TRIM(${text}) = '' THEN NULL ELSE ${text} END`;
}

/** Whether a row belongs to `group` of `attribute`, on the raw value `g<i>` of stage 1 (for per-group thresholds). */
function groupMatchSql(spec: AggregationSpec, attribute: string, group: string, missing: string): string {
  const bucket = spec.buckets?.[attribute];
  const raw = `g${spec.attributes.indexOf(attribute)}`;
  if (group === missing) {
    return bucket ? `${raw} IS NULL` : `(${raw} IS NULL OR TRIM(CAST(${raw} AS VARCHAR)) = '')`;
  }
  if (bucket) return `${raw} = ${bucket.labels.indexOf(group)}`;
  // A data value that reads as "(missing)" has a quoted group name (metrics.ts groupNameOf).
  return `CAST(${raw} AS VARCHAR) = ${quoteLiteral(dataValueOf(group) ?? group)}`;
}

function atThresholdSql(threshold: number): string {
  return `CASE WHEN ${SCORE} >= ${numberLiteral(threshold)} THEN 1 ELSE 0 END`;
}

/** The prediction of a row: the column as it is (`p`), or 1/0 from the score (NULL score, NULL prediction). */
export function predictionSql(spec: AggregationSpec, source: PredictionSource, missing: string): string {
  switch (source.kind) {
    case 'column':
      return 'p';
    case 'threshold':
      return `CASE WHEN ${SCORE} IS NULL THEN NULL ELSE ${atThresholdSql(source.threshold)} END`;
    case 'per-group': {
      const branches = source.thresholds.map(
        ({ group, threshold }) =>
          `WHEN ${groupMatchSql(spec, source.attribute, group, missing)} THEN ${atThresholdSql(threshold)}`,
      );
      const fallback = source.fallback === undefined ? 'NULL' : atThresholdSql(source.fallback);
      return `CASE WHEN ${SCORE} IS NULL THEN NULL ${branches.join(' ')} ELSE ${fallback} END`;
    }
  }
}

/** The bounds of the binning range as SQL: literals, or the columns `lo`/`hi` of the score_range CTE. */
export function rangeBoundsSql(score: ScoreBinningSpec): [lo: string, hi: string] {
  return score.range === 'from-data'
    ? ['lo', 'hi']
    : [numberLiteral(score.range.min), numberLiteral(score.range.max)];
}

/** Units per score range and per unit of weight: scores and weights are summed as whole units (see aggregation-sql). */
export const UNITS = 1_000_000;

/**
 * The per-row arithmetic of a score: its offset from the range's start, and the factors that turn the offset into a
 * bin and into units. With a fixed range the factors are literals, so a row costs a subtraction and two products.
 */
function scoreScaling(score: ScoreBinningSpec): { offset: string; perBin: string; perUnit: string } {
  if (score.range === 'from-data') {
    return {
      offset: `(${SCORE} - lo)`,
      perBin: `(${score.bins} / (hi - lo))`,
      perUnit: `(${UNITS} / (hi - lo))`,
    };
  }
  const { min, max } = score.range;
  return {
    offset: min === 0 ? SCORE : `(${SCORE} - ${numberLiteral(min)})`,
    perBin: numberLiteral(score.bins / (max - min)),
    perUnit: numberLiteral(UNITS / (max - min)),
  };
}

/**
 * The bin of a score: equal-width over [lo, hi], the top edge in the last bin; NULL for a missing score, -1 below the
 * range and `bins` above it — NaN lands there too, as it fails every comparison (and DuckDB orders it above all).
 */
export function scoreBinSql(score: ScoreBinningSpec): string {
  const [lo, hi] = rangeBoundsSql(score);
  const { offset, perBin } = scoreScaling(score);
  const bin = `LEAST(${score.bins - 1}, CAST(FLOOR(${offset} * ${perBin}) AS INTEGER))`;
  return `CASE WHEN ${SCORE} IS NULL THEN NULL WHEN ${SCORE} < ${lo} THEN -1 WHEN ${SCORE} <= ${hi} THEN ${bin} ELSE ${score.bins} END`;
}

/**
 * The score's position in the range in units, (s − lo) / (hi − lo) × UNITS, in [0, UNITS] for a score in the range.
 * `guarded` makes it NULL outside the range, for sums that must not see NaN or ±∞ (BIGINT casts fail on them); the
 * unguarded form is cheaper, and its values outside the range only reach cells whose bin is -1 or `bins`, which the
 * audit never sums (they make it rescan over the data's range, or fail on NaN and ±∞).
 */
export function scoreUnitsSql(score: ScoreBinningSpec, guarded: boolean): string {
  const [lo, hi] = rangeBoundsSql(score);
  const { offset, perUnit } = scoreScaling(score);
  const units = `${offset} * ${perUnit}`;
  return guarded ? `CASE WHEN ${SCORE} >= ${lo} AND ${SCORE} <= ${hi} THEN ${units} ELSE NULL END` : units;
}

/** [0, 1] when every score lies in it (so calibration applies), else [min, max] (widened when all scores are equal). */
export function scoreRangeCte(table: string, column: string): string {
  const s = quoteIdentifier(column);
  const inUnit = `MIN(${s}) >= 0 AND MAX(${s}) <= 1`;
  return [
    'score_range AS (',
    `  SELECT CASE WHEN ${inUnit} THEN 0 ELSE MIN(${s}) END AS lo,`,
    `    CASE WHEN ${inUnit} THEN 1 WHEN MAX(${s}) > MIN(${s}) THEN MAX(${s}) ELSE MIN(${s}) + 1 END AS hi`,
    `  FROM ${quoteQualifiedName(table)}`,
    ')',
  ].join('\n');
}
