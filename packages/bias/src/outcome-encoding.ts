import { InputError } from '@rai-audit/core';

/** How a label or prediction column maps to 1 (positive) and 0; the aggregation query compares with `positive`. */
export type OutcomeEncoding =
  | { kind: 'numeric'; positive: number }
  | { kind: 'boolean'; positive: boolean }
  /** Compared with the lower-cased, trimmed text of the value. */
  | { kind: 'text'; positive: string };

/** One distinct value of a column: `key` is its lower-cased, trimmed text, `example` one original spelling. */
export interface DistinctValue {
  key: string;
  example: string;
  count: number;
}

/** What the data source found in a label or prediction column. */
export interface OutcomeColumnProfile {
  role: 'label' | 'prediction';
  column: string;
  /** The DuckDB type name, e.g. BIGINT, BOOLEAN, VARCHAR. */
  type: string;
  /** Distinct non-null values, at most a few; `more` says the column has further ones. */
  values: DistinctValue[];
  more: boolean;
  nulls: number;
}

export interface OutcomeClassification {
  encoding: OutcomeEncoding;
  /** The positive value as the report shows it. */
  positiveLabel: string;
  /** Set when `--positive-label` was given but does not name a value of this column. */
  ignoredPositiveLabel?: string;
}

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL)/i;
const KNOWN_TEXT_PAIRS: ReadonlyArray<readonly [positive: string, negative: string]> = [
  ['1', '0'],
  ['true', 'false'],
  ['yes', 'no'],
];
const BINARY_HINT =
  'A label or prediction must have two values: 0/1, true/false, yes/no, or any two strings with --positive-label VALUE';

function listValues(profile: OutcomeColumnProfile): string {
  const shown = profile.values.map((v) => JSON.stringify(v.example)).join(', ');
  return profile.more ? `${shown}, …` : shown;
}

function choosePositive(
  profile: OutcomeColumnProfile,
  positiveLabel: string | undefined,
): DistinctValue | undefined {
  if (positiveLabel === undefined) return undefined;
  const wanted = positiveLabel.trim().toLowerCase();
  const wantedNumber = Number(wanted);
  return profile.values.find(
    (v) =>
      v.key === wanted ||
      (NUMERIC_TYPE.test(profile.type) && wanted !== '' && Number(v.key) === wantedNumber),
  );
}

function encodingFor(profile: OutcomeColumnProfile, positive: DistinctValue | string): OutcomeEncoding {
  const key = typeof positive === 'string' ? positive : positive.key;
  if (NUMERIC_TYPE.test(profile.type)) return { kind: 'numeric', positive: Number(key) };
  if (/^BOOLEAN$/i.test(profile.type)) return { kind: 'boolean', positive: key === 'true' };
  return { kind: 'text', positive: key };
}

/** The recognised pair (0/1, true/false, yes/no) the column's values belong to, as its positive key. */
function knownPositive(profile: OutcomeColumnProfile): string | undefined {
  if (NUMERIC_TYPE.test(profile.type)) {
    return profile.values.every((v) => Number(v.key) === 0 || Number(v.key) === 1) ? '1' : undefined;
  }
  const keys = profile.values.map((v) => v.key);
  return KNOWN_TEXT_PAIRS.find((pair) => keys.every((key) => pair.includes(key)))?.[0];
}

// The messages name the column, so the errors carry no separate location (it would repeat the name).
function assertBinary(profile: OutcomeColumnProfile, file: string): void {
  if (profile.nulls > 0) {
    throw new InputError(`the ${profile.role} column "${profile.column}" has ${profile.nulls} empty values`, {
      file,
      hint: `Every row needs a ${profile.role}: fill in or drop the rows without one`,
    });
  }
  if (profile.more || profile.values.length > 2) {
    throw new InputError(
      `the ${profile.role} column "${profile.column}" is not binary: found ${listValues(profile)}`,
      {
        file,
        hint: BINARY_HINT,
      },
    );
  }
}

/**
 * Decides which value of a label or prediction column is positive: `positiveLabel` when it names one of the
 * values, else a recognised pair (0/1, booleans, "0"/"1", "true"/"false", "yes"/"no", case-insensitive).
 * Throws InputError for empty values, more than two values, or an unrecognised pair without `positiveLabel`.
 */
export function classifyOutcome(
  profile: OutcomeColumnProfile,
  file: string,
  positiveLabel?: string,
): OutcomeClassification {
  assertBinary(profile, file);
  const chosen = choosePositive(profile, positiveLabel);
  if (chosen) return { encoding: encodingFor(profile, chosen), positiveLabel: chosen.example };
  const known = knownPositive(profile);
  if (known === undefined) {
    const first = profile.values[0]?.example ?? 'VALUE';
    const message =
      positiveLabel === undefined
        ? `cannot tell which value of the ${profile.role} column "${profile.column}" is positive: found ${listValues(profile)}`
        : `--positive-label ${JSON.stringify(positiveLabel)} is not a value of the ${profile.role} column "${profile.column}" (values: ${listValues(profile)})`;
    throw new InputError(message, {
      file,
      hint: `Name the value that counts as positive, e.g. --positive-label ${first}`,
    });
  }
  const classification: OutcomeClassification = {
    encoding: encodingFor(profile, known),
    positiveLabel: known,
  };
  return positiveLabel === undefined
    ? classification
    : { ...classification, ignoredPositiveLabel: positiveLabel };
}
