/** A measure of association with the reason when it is undefined. */
export interface Association {
  value: number | null;
  reason?: string;
}

/** One cell of a contingency table: rows of attribute group `group` with feature value `value`. */
export interface ContingencyCell {
  group: string;
  value: string;
  n: number;
}

/** Count, mean and within-group sum of squared deviations Σ(x − mean)² of a numeric feature in one group. */
export interface NumericGroupSummary {
  group: string;
  n: number;
  mean: number;
  sumSquaredDeviations: number;
}

const undefinedAssociation = (reason: string): Association => ({ value: null, reason });

/** Pearson's chi-square statistic of independence and the table's dimensions, from its non-empty cells. */
function independenceChiSquare(cells: readonly ContingencyCell[]): {
  chiSquare: number;
  n: number;
  rows: number;
  columns: number;
} {
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  let n = 0;
  for (const cell of cells) {
    if (cell.n <= 0) continue;
    rowTotals.set(cell.group, (rowTotals.get(cell.group) ?? 0) + cell.n);
    columnTotals.set(cell.value, (columnTotals.get(cell.value) ?? 0) + cell.n);
    n += cell.n;
  }
  // Σ (O − E)² / E = Σ O² / E − n, summed over observed cells only (an empty cell contributes E, absorbed by −n).
  let sumRatio = 0;
  for (const cell of cells) {
    if (cell.n <= 0) continue;
    const expected = ((rowTotals.get(cell.group) ?? 0) * (columnTotals.get(cell.value) ?? 0)) / n;
    sumRatio += (cell.n * cell.n) / expected;
  }
  return { chiSquare: Math.max(0, sumRatio - n), n, rows: rowTotals.size, columns: columnTotals.size };
}

/**
 * Bias-corrected Cramér's V (Bergsma 2013) of an attribute and a categorical feature, from their contingency
 * table: φ̃² = max(0, χ²/n − (r−1)(k−1)/(n−1)), r̃ = r − (r−1)²/(n−1), k̃ = k − (k−1)²/(n−1),
 * V = √(φ̃² / min(r̃−1, k̃−1)). The correction removes the inflation a many-valued feature gets by chance, so
 * features with 3 and with 90 values rank on the same footing. 0 = independent, 1 = each determines the other.
 */
export function cramersV(cells: readonly ContingencyCell[]): Association {
  const { chiSquare, n, rows, columns } = independenceChiSquare(cells);
  if (n < 2) return undefinedAssociation(`too few rows to measure association (n = ${n})`);
  if (rows < 2) return undefinedAssociation('the attribute has a single group');
  if (columns < 2) return undefinedAssociation('the feature has a single value');
  const phiSquared = Math.max(0, chiSquare / n - ((rows - 1) * (columns - 1)) / (n - 1));
  const correctedRows = rows - (rows - 1) ** 2 / (n - 1);
  const correctedColumns = columns - (columns - 1) ** 2 / (n - 1);
  const denominator = Math.min(correctedRows - 1, correctedColumns - 1);
  if (!(denominator > 0))
    return undefinedAssociation(`too few rows for a ${rows}×${columns} table (n = ${n})`);
  return { value: Math.min(1, Math.sqrt(phiSquared / denominator)) };
}

/**
 * Correlation ratio η of a numeric feature on the attribute's groups: √(SS_between / SS_total), where
 * SS_between = Σ n_g (mean_g − mean)² and SS_total = SS_between + Σ within-group squared deviations. The share of
 * the feature's spread that the group explains, square-rooted: 0 = same mean in every group, 1 = the group fixes
 * the value.
 */
export function correlationRatio(groups: readonly NumericGroupSummary[]): Association {
  const present = groups.filter((g) => g.n > 0);
  if (present.some((g) => !Number.isFinite(g.mean) || !Number.isFinite(g.sumSquaredDeviations))) {
    return undefinedAssociation('group means or spreads of the feature are not finite numbers');
  }
  const n = present.reduce((acc, g) => acc + g.n, 0);
  if (n === 0) return undefinedAssociation('the feature has no finite values');
  if (present.length < 2) return undefinedAssociation('the attribute has a single group with values');
  const mean = present.reduce((acc, g) => acc + g.n * g.mean, 0) / n;
  const between = present.reduce((acc, g) => acc + g.n * (g.mean - mean) ** 2, 0);
  const within = present.reduce((acc, g) => acc + Math.max(0, g.sumSquaredDeviations), 0);
  const totalSpread = between + within;
  // Relative to the values' magnitude: group means of a constant column can differ by rounding alone.
  if (totalSpread <= n * mean * mean * 1e-24) {
    return undefinedAssociation('the feature is constant');
  }
  return { value: Math.min(1, Math.sqrt(between / totalSpread)) };
}
