import { InputError } from '@rai-audit/core';
import type { DuckDbSource } from './duckdb-source.js';
import { isNumericType } from '../plan/outcome-encoding.js';
import { quoteIdentifier } from './sql-text.js';

const VIEW = quoteIdentifier('source');

async function exampleOfNonNumber(source: DuckDbSource, column: string): Promise<string | undefined> {
  const ref = quoteIdentifier(column);
  const rows = await source.query(
    `SELECT CAST(${ref} AS VARCHAR) AS value FROM ${VIEW} WHERE ${ref} IS NOT NULL AND TRY_CAST(${ref} AS DOUBLE) IS NULL LIMIT 1`,
  );
  const value = rows[0]?.value;
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * InputError unless the column is numeric (a score, a weight, an attribute cut into bins); the message names a value
 * that is not a number (a column of mixed types is read as text).
 */
export async function assertNumericColumn(source: DuckDbSource, column: string, role: string): Promise<void> {
  const type = source.columns.find((c) => c.name === column)?.type ?? 'unknown';
  if (isNumericType(type)) return;
  const example = await exampleOfNonNumber(source, column);
  const shown = example === undefined ? '' : `, e.g. ${JSON.stringify(example)}`;
  throw new InputError(`the ${role} column "${column}" is not numeric: it is read as ${type}${shown}`, {
    file: source.file,
    hint: `The ${role} must be a number on every row; fix or remove the rows that hold text`,
  });
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return undefined;
}

/**
 * The edges that cut a numeric column into `count` quantile buckets: the discrete quantiles at 1/count, 2/count, …
 * (values that occur in the data, so labels read naturally), duplicates removed. One query on the column.
 */
export async function quantileEdges(source: DuckDbSource, column: string, count: number): Promise<number[]> {
  const probabilities = Array.from({ length: count - 1 }, (_, i) => String((i + 1) / count));
  const rows = await source.query(
    `SELECT quantile_disc(${quoteIdentifier(column)}, [${probabilities.join(', ')}]) AS edges FROM ${VIEW}`,
  );
  const raw = rows[0]?.edges;
  const edges = (Array.isArray(raw) ? raw : [])
    .map(toNumber)
    .filter((edge): edge is number => edge !== undefined);
  const unique = [...new Set(edges)].sort((a, b) => a - b);
  if (unique.length === 0) {
    throw new InputError(`the column "${column}" has no numeric values to cut into quantiles`, {
      file: source.file,
      hint: 'Check the column name, or give the edges with --bins',
    });
  }
  return unique;
}

async function countScores(source: DuckDbSource, column: string): Promise<number> {
  const ref = quoteIdentifier(column);
  const rows = await source.query(`SELECT COUNT(${ref}) AS n FROM ${VIEW}`);
  return toNumber(rows[0]?.n) ?? 0;
}

/**
 * The exact score threshold of the top k rows: the k-th highest score (ties at it are all selected, so more than k
 * rows may be). One ORDER BY … LIMIT query; InputError when fewer than k rows have a score.
 */
export async function topKThreshold(
  source: DuckDbSource,
  column: string,
  k: number,
  flag = '--top-k',
): Promise<number> {
  const ref = quoteIdentifier(column);
  const rows = await source.query(
    `SELECT CAST(${ref} AS DOUBLE) AS s FROM ${VIEW} WHERE ${ref} IS NOT NULL ORDER BY ${ref} DESC LIMIT 1 OFFSET ${k - 1}`,
  );
  const threshold = toNumber(rows[0]?.s);
  if (threshold !== undefined) return threshold;
  const scored = await countScores(source, column);
  throw new InputError(`${flag} asks for ${k} rows but only ${scored} rows have a score in "${column}"`, {
    file: source.file,
    hint: `Give a k of at most ${scored}`,
  });
}

/** The threshold of the top `percent` % of the scored rows: top-k with k = ceil(rows × percent / 100), at least 1. */
export async function topPercentThreshold(
  source: DuckDbSource,
  column: string,
  percent: number,
): Promise<{ k: number; threshold: number }> {
  const scored = await countScores(source, column);
  if (scored === 0) {
    throw new InputError(`no row has a score in "${column}"`, {
      file: source.file,
      hint: 'Check the score column',
    });
  }
  // The tolerance keeps 10 % of 1000 rows at 100, not 101 through floating-point noise.
  const k = Math.max(1, Math.ceil((scored * percent) / 100 - 1e-9));
  return { k, threshold: await topKThreshold(source, column, k, '--top-percent') };
}

/**
 * The range of a score column, for binning scores that leave [0, 1]: one MIN/MAX query, run only when the
 * aggregation found such scores. InputError when a score is NaN or infinite; equal scores get a range of width 1.
 */
export async function scoreRange(
  source: DuckDbSource,
  column: string,
): Promise<{ min: number; max: number }> {
  const ref = `CAST(${quoteIdentifier(column)} AS DOUBLE)`;
  const rows = await source.query(`SELECT MIN(${ref}) AS lo, MAX(${ref}) AS hi FROM ${VIEW}`);
  const lo = rows[0]?.lo;
  const hi = rows[0]?.hi;
  if (typeof lo !== 'number' || typeof hi !== 'number' || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new InputError(
      `the score column "${column}" holds values that are not finite numbers (NaN or infinity)`,
      {
        file: source.file,
        hint: 'Every score must be a finite number; fix or drop those rows',
      },
    );
  }
  return { min: lo, max: hi > lo ? hi : lo + 1 };
}
