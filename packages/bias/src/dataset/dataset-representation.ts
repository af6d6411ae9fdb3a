import type { DatasetAnalysis } from '@rai-audit/core';
import { compareGroups } from '../metrics/group-order.js';
import type { GroupKey } from '../metrics/sufficient-statistics.js';

export type RepresentationRow = DatasetAnalysis['representation'][number];

/** Rows of one group of an attribute or intersection, and how many of them have label 1. */
export interface GroupCount extends GroupKey {
  n: number;
  /** Rows with label 1. */
  positives: number;
}

/**
 * The representation table of one attribute or intersection: each group's rows and share of the rows with a value,
 * sorted by group ((missing) last), with its expected share when one is given. Expected groups without rows are
 * listed with n = 0, so that a group the data lacks is seen.
 */
export function representationRows(
  attribute: string,
  counts: readonly GroupCount[],
  shares?: Record<string, number>,
): RepresentationRow[] {
  const own = counts.filter((c) => c.attribute === attribute);
  const total = own.reduce((acc, c) => acc + c.n, 0);
  const present = new Set(own.map((c) => c.group));
  const absent = Object.keys(shares ?? {}).filter((group) => !present.has(group));
  const rows = [...own.map((c) => ({ group: c.group, n: c.n })), ...absent.map((group) => ({ group, n: 0 }))];
  return rows
    .sort((a, b) => compareGroups(a.group, b.group))
    .map(({ group, n }) => {
      const expectedShare = shares?.[group];
      const row: RepresentationRow = { attribute, group, n, share: total > 0 ? n / total : 0 };
      return expectedShare === undefined ? row : { ...row, expectedShare };
    });
}
