import type { DatasetAnalysis } from '@rai-audit/core';
import {
  correlationRatio,
  cramersV,
  type Association,
  type ContingencyCell,
  type NumericGroupSummary,
} from './dataset-association.js';

export type ProxyRow = DatasetAnalysis['proxies'][number];
export type ProxyMeasure = ProxyRow['measure'];

/** Categorical features with more distinct values than this are skipped: identifiers, free text, timestamps. */
export const HIGH_CARDINALITY_LIMIT = 100;

// DuckDB's numeric types; everything else (text, booleans, dates) is treated as categorical.
const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL(\(.*\))?|NUMERIC(\(.*\))?)$/i;

/** True for a DuckDB column type whose association is measured by the correlation ratio. */
export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type.trim());
}

/** The measure a feature of this DuckDB type is ranked by. */
export function proxyMeasureOf(type: string): ProxyMeasure {
  return isNumericType(type) ? 'correlation_ratio' : 'cramers_v';
}

function toRow(
  feature: string,
  attribute: string,
  measure: ProxyMeasure,
  association: Association,
): ProxyRow {
  const row: ProxyRow = { feature, attribute, measure, value: association.value };
  return association.reason === undefined ? row : { ...row, reason: association.reason };
}

/** The association of a categorical feature with an attribute: bias-corrected Cramér's V of their table. */
export function categoricalProxy(
  feature: string,
  attribute: string,
  cells: readonly ContingencyCell[],
): ProxyRow {
  return toRow(feature, attribute, 'cramers_v', cramersV(cells));
}

/** The association of a numeric feature with an attribute: the correlation ratio η over the attribute's groups. */
export function numericProxy(
  feature: string,
  attribute: string,
  groups: readonly NumericGroupSummary[],
): ProxyRow {
  return toRow(feature, attribute, 'correlation_ratio', correlationRatio(groups));
}

/** A categorical feature left out because it has too many distinct values to form a meaningful table. */
export function highCardinalityProxy(feature: string, attribute: string, distinct: number): ProxyRow {
  return {
    feature,
    attribute,
    measure: 'cramers_v',
    value: null,
    reason:
      `skipped: ${distinct} distinct values (more than ${HIGH_CARDINALITY_LIMIT}), like an identifier or free text; ` +
      'bucket it or derive a coarser column to measure it',
  };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Proxies strongest first: by value descending, undefined values last, ties by feature then attribute, so that the
 * ranking is the same on every run.
 */
export function rankProxies(rows: readonly ProxyRow[]): ProxyRow[] {
  return [...rows].sort((a, b) => {
    if (a.value !== b.value) {
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      return b.value - a.value;
    }
    return compareText(a.feature, b.feature) || compareText(a.attribute, b.attribute);
  });
}
