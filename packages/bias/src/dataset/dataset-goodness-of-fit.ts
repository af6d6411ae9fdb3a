import { UsageError, type DatasetAnalysis } from '@rai-audit/core';
import { chiSquareSurvival } from './dataset-chi-square.js';

export type GoodnessOfFit = DatasetAnalysis['goodnessOfFit'][number];

/** Expected shares per attribute and group: `{ sex: { female: 0.5, male: 0.5 } }`. */
export type ExpectedShares = Record<string, Record<string, number>>;

/** Observed rows of one group. */
export interface ObservedGroup {
  group: string;
  n: number;
}

// Shares given with two decimals (0.33, 0.33, 0.33) must pass; a sum of 100 (percentages) must not.
const SHARE_SUM_TOLERANCE = 0.011;
// Below this expected count per cell the chi-square approximation of the statistic's distribution is rough.
const MIN_EXPECTED_COUNT = 5;

const EXAMPLE = 'e.g. { "sex": { "female": 0.5, "male": 0.5 } }';

function validateAttributeShares(attribute: string, shares: Record<string, number>): Record<string, number> {
  const entries = Object.entries(shares);
  for (const [group, share] of entries) {
    if (typeof share !== 'number' || !Number.isFinite(share) || share < 0) {
      throw new UsageError(`the expected share of ${attribute}=${group} is not a number between 0 and 1`, {
        location: `expected shares: ${JSON.stringify(attribute)}.${JSON.stringify(group)}`,
        hint: `Give each share as a fraction, ${EXAMPLE}`,
      });
    }
  }
  const sum = entries.reduce((acc, [, share]) => acc + share, 0);
  if (entries.length === 0 || Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
    throw new UsageError(`the expected shares of ${attribute} sum to ${Number(sum.toFixed(4))}, not 1`, {
      location: `expected shares: ${JSON.stringify(attribute)}`,
      hint: `Give shares as fractions of 1 over the groups of ${attribute}, ${EXAMPLE}`,
    });
  }
  // Rounded shares (three thirds of 0.33) are rescaled so that expected counts add up to the observed total.
  return Object.fromEntries(entries.map(([group, share]) => [group, share / sum]));
}

/** Checks expected shares against the audited attributes (UsageError naming the key) and rescales them to sum to 1. */
export function validateExpectedShares(
  expected: ExpectedShares,
  attributes: readonly string[],
): ExpectedShares {
  const validated: ExpectedShares = {};
  for (const [attribute, shares] of Object.entries(expected)) {
    if (!attributes.includes(attribute)) {
      throw new UsageError(
        `expected shares are given for "${attribute}", which is not an audited attribute`,
        {
          location: `expected shares: ${JSON.stringify(attribute)}`,
          hint: `The attributes are: ${attributes.join(', ')}`,
        },
      );
    }
    validated[attribute] = validateAttributeShares(attribute, shares);
  }
  return validated;
}

const listGroups = (groups: readonly string[]): string => groups.join(', ');

/** Notes on how far to trust the test: groups left out, groups missing from the data, small expected counts. */
function fitNotes(
  observed: readonly ObservedGroup[],
  shares: Record<string, number>,
  total: number,
): string[] {
  const notes: string[] = [];
  const unlisted = observed.filter((o) => !(o.group in shares) && o.n > 0);
  if (unlisted.length > 0) {
    const rows = unlisted.reduce((acc, o) => acc + o.n, 0);
    notes.push(
      `${rows} rows in groups without an expected share (${listGroups(unlisted.map((o) => o.group))}) are left out of the test`,
    );
  }
  const absent = Object.keys(shares).filter(
    (g) => (shares[g] ?? 0) > 0 && !observed.some((o) => o.group === g && o.n > 0),
  );
  if (absent.length > 0) {
    notes.push(
      `no rows of the expected group${absent.length === 1 ? '' : 's'} ${listGroups(absent)}; check the spelling against the groups in the data`,
    );
  }
  const small = Object.entries(shares).filter(([, share]) => share > 0 && share * total < MIN_EXPECTED_COUNT);
  if (small.length > 0) {
    notes.push(
      `expected count below ${MIN_EXPECTED_COUNT} in ${listGroups(small.map(([g]) => g))}: the chi-square approximation is rough`,
    );
  }
  return notes;
}

/**
 * Pearson's chi-square goodness-of-fit test of the observed group counts against expected shares:
 * χ² = Σ (O − E)² / E over the groups with an expected share, E = share · (rows in those groups), df = groups − 1,
 * p = P(χ²_df ≥ χ²). Rows of groups without an expected share are left out, and the reason says so.
 */
export function chiSquareGoodnessOfFit(
  attribute: string,
  observed: readonly ObservedGroup[],
  shares: Record<string, number>,
): GoodnessOfFit {
  const base = { attribute, test: 'chi-square' as const };
  const countOf = (group: string): number => observed.find((o) => o.group === group)?.n ?? 0;
  const listed = Object.keys(shares).sort();
  const total = listed.reduce((acc, group) => acc + countOf(group), 0);
  const cells = listed.filter((g) => (shares[g] ?? 0) > 0 || countOf(g) > 0);
  const df = Math.max(0, cells.length - 1);
  const notes = fitNotes(observed, shares, total);
  const withNotes = (reason?: string): { reason?: string } => {
    const all = reason === undefined ? notes : [reason, ...notes];
    return all.length > 0 ? { reason: all.join('; ') } : {};
  };
  if (total === 0) {
    return {
      ...base,
      statistic: null,
      df,
      pValue: null,
      ...withNotes('no rows in the groups with an expected share'),
    };
  }
  const impossible = cells.find((g) => (shares[g] ?? 0) === 0);
  if (impossible !== undefined) {
    // An observed group with expected share 0 makes χ² infinite: the shares are certainly wrong, p = 0.
    const reason = `${attribute}=${impossible} has ${countOf(impossible)} rows but an expected share of 0`;
    return { ...base, statistic: null, df, pValue: 0, ...withNotes(reason) };
  }
  if (cells.length < 2) {
    return {
      ...base,
      statistic: null,
      df,
      pValue: null,
      ...withNotes('fewer than two groups with an expected share: nothing to test'),
    };
  }
  const statistic = cells.reduce((acc, group) => {
    const expected = (shares[group] ?? 0) * total;
    return acc + (countOf(group) - expected) ** 2 / expected;
  }, 0);
  return { ...base, statistic, df, pValue: chiSquareSurvival(statistic, df), ...withNotes() };
}
