import { InputError } from '@rai-audit/core';
import type { ColumnInfo } from '../sql/duckdb-source.js';
import { OVERALL_ATTRIBUTE } from '../metrics/metrics.js';
import type { ScoreBinning } from '../metrics/sufficient-statistics.js';

/** One row of the counts table: the cell of one group × label × prediction × score bin. */
export interface CountCell {
  /** The grouping: an attribute, `a+b` for an intersection, `(overall)`. */
  grouping: string;
  /** The group's value of each attribute of the grouping (v0, v1, …); null for a missing value. */
  values: Array<string | null>;
  /** The label and prediction as the data holds them (0/1, booleans, text); mapped to 0/1 after classification. */
  label: unknown;
  prediction?: unknown;
  /** Score bin: null for a missing score, -1 below the binning range, `bins` above it (or NaN). */
  scoreBin?: number | null;
  n: number;
  weight?: number | null;
  weightMin?: number | null;
  weightRows?: number;
  scoreSum?: number | null;
  scoreSquaredSum?: number | null;
}

/** The counts table as read: its cells, what it carries, and the DuckDB types of the outcome columns. */
export interface CountsTable {
  cells: CountCell[];
  labelType: string;
  predictionType?: string;
  /** The score bins the query used (present when the table has score columns). */
  binning?: ScoreBinning;
  hasWeight: boolean;
}

const REQUIRED = ['attribute', 'v0', 'label', 'n'] as const;
const SCORE_COLUMNS = ['score_bin', 'score_sum', 'score_sq_sum', 'bin_min', 'bin_max', 'bin_count'];
const WEIGHT_COLUMNS = ['weight', 'weight_min', 'weight_rows'];

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return Number.NaN;
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

/**
 * Fails with the file, the row and the column when a count is not a whole number of rows from 0 to 2⁵³ − 1 (0.5,
 * 1e308, -1, text): beyond that a double no longer counts rows exactly.
 */
function countOf(row: Record<string, unknown>, column: string, index: number, file: string): number {
  const value = toNumber(row[column]);
  if (value === null || !Number.isSafeInteger(value) || value < 0) {
    throw new InputError(
      `column "${column}" of the counts table holds ${JSON.stringify(toText(row[column]))}, not a count (a whole number of rows from 0 to 2^53 - 1)`,
      {
        file,
        location: `row ${index + 1}`,
        hint: 'The counts table must be the unchanged output of the query --emit-sql prints',
      },
    );
  }
  return value;
}

function requireColumns(
  names: readonly string[],
  wanted: readonly string[],
  file: string,
  why: string,
): void {
  const missing = wanted.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new InputError(
      `the counts table has no column ${missing.map((c) => `"${c}"`).join(', ')} (${why}); its columns are: ${names.join(', ')}`,
      {
        file,
        hint: 'Produce it with the query that rai-audit bias --emit-sql prints for the same flags',
      },
    );
  }
}

function readBinning(rows: ReadonlyArray<Record<string, unknown>>): ScoreBinning | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const min = toNumber(first.bin_min);
  const max = toNumber(first.bin_max);
  const bins = toNumber(first.bin_count);
  if (min === null || max === null || bins === null) return undefined;
  return { min, max, bins };
}

/** A JSON-typed value (DuckDB's type for a JSON column of mixed types) as the scalar it holds: `"yes"` is yes. */
function fromJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed === null || typeof parsed === 'object' ? value : String(parsed);
  } catch {
    return value;
  }
}

function readCell(row: Record<string, unknown>, index: number, layout: Layout, file: string): CountCell {
  const cell: CountCell = {
    grouping: toText(row.attribute) ?? '',
    values: layout.valueColumns.map((column) => toText(row[column])),
    label: layout.jsonLabel ? fromJson(row.label) : row.label,
    n: countOf(row, 'n', index, file),
  };
  if (layout.prediction) cell.prediction = layout.jsonPrediction ? fromJson(row.prediction) : row.prediction;
  if (layout.score) {
    cell.scoreBin = toNumber(row.score_bin);
    cell.scoreSum = toNumber(row.score_sum);
    cell.scoreSquaredSum = toNumber(row.score_sq_sum);
  }
  if (layout.weight) {
    cell.weight = toNumber(row.weight);
    cell.weightMin = toNumber(row.weight_min);
    cell.weightRows = countOf(row, 'weight_rows', index, file);
  }
  return cell;
}

interface Layout {
  valueColumns: string[];
  jsonLabel: boolean;
  jsonPrediction: boolean;
  prediction: boolean;
  score: boolean;
  weight: boolean;
}

/**
 * Reads the rows of the aggregation query — from DuckDB, or a pre-aggregated counts table a warehouse produced —
 * into cells; InputError naming the file, the row and the column when the table does not have the expected shape.
 */
export function readCountsTable(
  columns: readonly ColumnInfo[],
  rows: ReadonlyArray<Record<string, unknown>>,
  file: string,
  expect: { prediction: boolean; score: boolean; weight: boolean },
): CountsTable {
  const names = columns.map((column) => column.name);
  requireColumns(names, REQUIRED, file, 'every counts table has it');
  if (expect.prediction) requireColumns(names, ['prediction'], file, 'the audit has a prediction');
  if (expect.score) requireColumns(names, SCORE_COLUMNS, file, 'the audit has a score');
  if (expect.weight) requireColumns(names, WEIGHT_COLUMNS, file, 'the audit has a weight');
  const typeOf = (name: string): string => {
    const type = columns.find((column) => column.name === name)?.type ?? 'VARCHAR';
    // JSON values are read as the scalars they hold, so they classify as text.
    return type === 'JSON' ? 'VARCHAR' : type;
  };
  const isJson = (name: string): boolean => columns.find((column) => column.name === name)?.type === 'JSON';
  const layout: Layout = {
    valueColumns: names
      .filter((name) => /^v\d+$/.test(name))
      .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
    jsonLabel: isJson('label'),
    jsonPrediction: isJson('prediction'),
    ...expect,
  };
  return {
    cells: rows.map((row, index) => readCell(row, index, layout, file)),
    labelType: typeOf('label'),
    ...(expect.prediction ? { predictionType: typeOf('prediction') } : {}),
    ...(expect.score ? { binning: readBinning(rows) } : {}),
    hasWeight: expect.weight,
  };
}

/** Rows of the overall cells whose score lies outside the binning range (bin -1 or `bins`: beyond it, NaN, ±∞). */
export function rowsOutsideBinning(table: CountsTable): number {
  const bins = table.binning?.bins;
  if (bins === undefined) return 0;
  return table.cells
    .filter((cell) => cell.grouping === OVERALL_ATTRIBUTE)
    .reduce((sum, cell) => {
      const bin = cell.scoreBin;
      return bin !== null && bin !== undefined && (bin < 0 || bin >= bins) ? sum + cell.n : sum;
    }, 0);
}
