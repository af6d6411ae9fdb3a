import { InputError } from '@rai-audit/core';
import { OVERALL_ATTRIBUTE } from '../metrics/metrics.js';
import type { CountCell, CountsTable } from './counts-table.js';

const HINT = 'The counts table must be the unchanged output of the query --emit-sql prints';

/** A raw value with its type, so that 1 and "1" stay apart. */
const typed = (value: unknown): string =>
  value === undefined
    ? 'none'
    : `${typeof value}:${typeof value === 'bigint' ? value.toString() : String(value)}`;

/** The cell's key within its grouping: its label, prediction and score bin. */
const outcomeKey = (cell: CountCell): string =>
  JSON.stringify([typed(cell.label), typed(cell.prediction), cell.scoreBin ?? null]);

function describeOutcome(cell: CountCell): string {
  const parts = [`label ${JSON.stringify(String(cell.label))}`];
  if (cell.prediction !== undefined) parts.push(`prediction ${JSON.stringify(String(cell.prediction))}`);
  if (cell.scoreBin !== undefined) parts.push(`score bin ${cell.scoreBin ?? 'NULL'}`);
  return parts.join(', ');
}

function assertUniqueKeys(cells: readonly CountCell[], file: string): void {
  const seen = new Map<string, number>();
  cells.forEach((cell, index) => {
    const key = JSON.stringify([cell.grouping, cell.values, outcomeKey(cell)]);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(`the counts table repeats the cell of row ${first + 1}`, {
        file,
        location: `row ${index + 1}`,
        hint: `${HINT}: each grouping, group, label, prediction and score bin has one row`,
      });
    }
    seen.set(key, index);
  });
}

interface Total {
  n: number;
  weightRows: number;
  /** The first row of the total. */
  row: number;
  cell: CountCell;
}

function totalsByGrouping(cells: readonly CountCell[]): Map<string, Map<string, Total>> {
  const totals = new Map<string, Map<string, Total>>();
  cells.forEach((cell, index) => {
    const byOutcome = totals.get(cell.grouping) ?? new Map<string, Total>();
    totals.set(cell.grouping, byOutcome);
    const key = outcomeKey(cell);
    const total = byOutcome.get(key) ?? { n: 0, weightRows: 0, row: index, cell };
    total.n += cell.n;
    total.weightRows += cell.weightRows ?? 0;
    byOutcome.set(key, total);
  });
  return totals;
}

/**
 * Each grouping (an attribute, an intersection) partitions the same rows as the overall row: for every label,
 * prediction and score bin its groups add up to the overall count. A table that breaks this was edited or
 * produced by another query, and its figures would be wrong without an error.
 */
function assertTotalsAgree(cells: readonly CountCell[], file: string): void {
  const totals = totalsByGrouping(cells);
  const overall = totals.get(OVERALL_ATTRIBUTE) ?? new Map<string, Total>();
  for (const [grouping, byOutcome] of totals) {
    if (grouping === OVERALL_ATTRIBUTE) continue;
    for (const key of new Set([...overall.keys(), ...byOutcome.keys()])) {
      const whole = overall.get(key);
      const part = byOutcome.get(key);
      const [n, wholeN] = [part?.n ?? 0, whole?.n ?? 0];
      const [w, wholeW] = [part?.weightRows ?? 0, whole?.weightRows ?? 0];
      if (n === wholeN && w === wholeW) continue;
      const at = whole ?? part;
      if (!at) continue;
      const what = n === wholeN ? 'rows with a valid weight' : 'rows';
      const [sum, expected] = n === wholeN ? [w, wholeW] : [n, wholeN];
      throw new InputError(
        `the groups of ${grouping} with ${describeOutcome(at.cell)} add up to ${sum} ${what}, but the overall row has ${expected}`,
        { file, location: `row ${at.row + 1}`, hint: `${HINT}: every grouping counts the same rows` },
      );
    }
  }
}

/** Fails with the first offending row when the counts table repeats a cell or its groupings disagree on totals. */
export function assertConsistentCounts(table: CountsTable, file: string): void {
  assertUniqueKeys(table.cells, file);
  assertTotalsAgree(table.cells, file);
}
