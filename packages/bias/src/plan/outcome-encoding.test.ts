import { InputError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { classifyOutcome, type OutcomeColumnProfile } from './outcome-encoding.js';

function profile(
  type: string,
  examples: string[],
  extra: Partial<OutcomeColumnProfile> = {},
): OutcomeColumnProfile {
  return {
    role: 'label',
    column: 'outcome',
    type,
    values: examples.map((example) => ({ key: example.trim().toLowerCase(), example, count: 1 })),
    more: false,
    nulls: 0,
    ...extra,
  };
}

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('classifyOutcome', () => {
  it.each([
    ['BIGINT', ['0', '1'], { kind: 'numeric', positive: 1 }, '1'],
    ['DOUBLE', ['0.0', '1.0'], { kind: 'numeric', positive: 1 }, '1'],
    ['BOOLEAN', ['false', 'true'], { kind: 'boolean', positive: true }, 'true'],
    ['VARCHAR', ['0', '1'], { kind: 'text', positive: '1' }, '1'],
    ['VARCHAR', ['False', 'TRUE'], { kind: 'text', positive: 'true' }, 'true'],
    ['VARCHAR', ['no', 'Yes'], { kind: 'text', positive: 'yes' }, 'yes'],
    ['BIGINT', ['1'], { kind: 'numeric', positive: 1 }, '1'],
    ['VARCHAR', ['no'], { kind: 'text', positive: 'yes' }, 'yes'],
  ])('recognises %s %j without --positive-label', (type, examples, encoding, positiveLabel) => {
    expect(classifyOutcome(profile(type, examples), 'f.csv')).toEqual({ encoding, positiveLabel });
  });

  it('uses --positive-label for any other pair of strings, case-insensitively, showing the original spelling', () => {
    const result = classifyOutcome(profile('VARCHAR', ['Approved', 'Denied']), 'f.csv', 'approved');
    expect(result).toEqual({ encoding: { kind: 'text', positive: 'approved' }, positiveLabel: 'Approved' });
  });

  it('lets --positive-label pick the positive value of a numeric pair, 0 included', () => {
    expect(classifyOutcome(profile('BIGINT', ['1', '2']), 'f.csv', '2').encoding).toEqual({
      kind: 'numeric',
      positive: 2,
    });
    expect(classifyOutcome(profile('BIGINT', ['0', '1']), 'f.csv', '0').encoding).toEqual({
      kind: 'numeric',
      positive: 0,
    });
  });

  it('asks for --positive-label for an unrecognised pair, naming the values', () => {
    const error = errorOf(() => classifyOutcome(profile('VARCHAR', ['approved', 'denied']), 'loans.csv'));
    expect(error.message).toBe(
      'cannot tell which value of the label column "outcome" is positive: found "approved", "denied"',
    );
    expect(error.hint).toBe('Name the value that counts as positive, e.g. --positive-label approved');
    expect(error.file).toBe('loans.csv');
    expect(error.describe()).toBe(
      'loans.csv: cannot tell which value of the label column "outcome" is positive: found "approved", "denied". Name the value that counts as positive, e.g. --positive-label approved',
    );
  });

  it('treats numbers other than 0/1 as an unrecognised pair', () => {
    expect(errorOf(() => classifyOutcome(profile('BIGINT', ['1', '2']), 'g.csv')).message).toContain(
      '"1", "2"',
    );
  });

  it('names the values when --positive-label matches none of an unrecognised pair', () => {
    const error = errorOf(() => classifyOutcome(profile('VARCHAR', ['approved', 'denied']), 'f.csv', 'yes'));
    expect(error.message).toContain('--positive-label "yes" is not a value of the label column "outcome"');
  });

  it('keeps a recognised pair and reports the ignored --positive-label', () => {
    const result = classifyOutcome(profile('BIGINT', ['0', '1']), 'f.csv', 'approved');
    expect(result).toEqual({
      encoding: { kind: 'numeric', positive: 1 },
      positiveLabel: '1',
      ignoredPositiveLabel: 'approved',
    });
  });

  it('rejects more than two values, naming them', () => {
    const error = errorOf(() => classifyOutcome(profile('BIGINT', ['0', '1', '2']), 'f.csv'));
    expect(error.message).toBe('the label column "outcome" is not binary: found "0", "1", "2"');
    const many = errorOf(() =>
      classifyOutcome(profile('VARCHAR', ['a', 'b', 'c', 'd', 'e'], { more: true }), 'f.csv'),
    );
    expect(many.message).toContain('"e", …');
  });

  it('rejects empty values with their count', () => {
    const error = errorOf(() =>
      classifyOutcome(profile('BIGINT', ['0', '1'], { nulls: 7, role: 'prediction' }), 'f.csv'),
    );
    expect(error.message).toBe('the prediction column "outcome" has 7 empty values');
  });
});

describe('profileOutcomeValues and outcomeOf', () => {
  it('merges spellings by key, counts empty values and keeps the first spelling', async () => {
    const { profileOutcomeValues } = await import('./outcome-encoding.js');
    const profile = profileOutcomeValues('label', 'y', 'VARCHAR', [
      { value: 'Yes', count: 2 },
      { value: ' yes', count: 1 },
      { value: 'no', count: 4 },
      { value: null, count: 3 },
      { value: '  ', count: 1 },
    ]);
    expect(profile.values).toEqual([
      { key: 'no', example: 'no', count: 4 },
      { key: 'yes', example: ' yes', count: 3 },
    ]);
    expect(profile.nulls).toBe(4);
  });

  it('lists at most five values and says there are more', async () => {
    const { profileOutcomeValues } = await import('./outcome-encoding.js');
    const entries = Array.from({ length: 7 }, (_, i) => ({ value: BigInt(i), count: 1 }));
    const profile = profileOutcomeValues('label', 'y', 'BIGINT', entries);
    expect(profile.values.map((v) => v.key)).toEqual(['0', '1', '2', '3', '4']);
    expect(profile.more).toBe(true);
  });

  it('maps raw values to 0/1 like outcomeSql does', async () => {
    const { outcomeOf } = await import('./outcome-encoding.js');
    expect([1n, 0n, 1, 2].map((v) => outcomeOf({ kind: 'numeric', positive: 1 }, v))).toEqual([1, 0, 1, 0]);
    expect([true, false].map((v) => outcomeOf({ kind: 'boolean', positive: false }, v))).toEqual([0, 1]);
    expect([' Approved', 'denied'].map((v) => outcomeOf({ kind: 'text', positive: 'approved' }, v))).toEqual([
      1, 0,
    ]);
  });
});
