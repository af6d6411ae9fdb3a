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
/** True for DuckDB's integer, floating-point and decimal types. */
export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type);
}

const KNOWN_TEXT_PAIRS: ReadonlyArray<readonly [positive: string, negative: string]> = [
  ['1', '0'],
  ['true', 'false'],
  ['yes', 'no'],
  ['t', 'f'],
  ['y', 'n'],
];
const BINARY_HINT =
  'A label or prediction must have two values: 0/1, true/false, yes/no, t/f, y/n, or any two strings with --positive-label VALUE';

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
 * values, else a recognised pair (0/1, booleans, "0"/"1", "true"/"false", "yes"/"no", "t"/"f", "y"/"n",
 * case-insensitive).
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

// Enough to show a user what a non-binary column holds without listing every distinct value.
const PROFILE_VALUE_LIMIT = 5;

/** A raw value's key: its lower-cased, trimmed text (`1`, `true`, `approved`); null for a missing value. */
export function outcomeKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = (typeof value === 'string' ? value : String(value)).trim().toLowerCase();
  return text === '' ? null : text;
}

/** What a label or prediction column holds, from its distinct raw values and their row counts. */
export function profileOutcomeValues(
  role: OutcomeColumnProfile['role'],
  column: string,
  type: string,
  entries: ReadonlyArray<{ value: unknown; count: number }>,
): OutcomeColumnProfile {
  const byKey = new Map<string, DistinctValue>();
  let nulls = 0;
  for (const { value, count } of entries) {
    const key = outcomeKey(value);
    if (key === null) {
      nulls += count;
      continue;
    }
    const known = byKey.get(key);
    const example = typeof value === 'string' ? value : String(value);
    if (known)
      byKey.set(key, {
        ...known,
        count: known.count + count,
        example: example < known.example ? example : known.example,
      });
    else byKey.set(key, { key, example, count });
  }
  const values = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    role,
    column,
    type,
    values: values.slice(0, PROFILE_VALUE_LIMIT),
    more: values.length > PROFILE_VALUE_LIMIT,
    nulls,
  };
}

/** 1 when a raw value is the positive outcome of the encoding, else 0 (the TypeScript twin of outcomeSql). */
export function outcomeOf(encoding: OutcomeEncoding, value: unknown): 0 | 1 {
  switch (encoding.kind) {
    case 'numeric':
      return Number(value) === encoding.positive ? 1 : 0;
    case 'boolean':
      return (value === true || outcomeKey(value) === 'true') === encoding.positive ? 1 : 0;
    case 'text':
      return outcomeKey(value) === encoding.positive ? 1 : 0;
  }
}
