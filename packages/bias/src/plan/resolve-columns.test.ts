import { InputError, UsageError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { assertColumnChoices, resolveColumns } from './resolve-columns.js';

const available = ['id', 'race', 'sex', 'label', 'score', 'pred'];

describe('resolveColumns', () => {
  it('maps exact and case-insensitive names to the file’s spelling', () => {
    expect(
      resolveColumns({ attributes: ['Race', 'sex'], label: 'LABEL', prediction: 'pred' }, available, 'p.csv'),
    ).toEqual({
      attributes: ['race', 'sex'],
      label: 'label',
      prediction: 'pred',
    });
  });

  it('lists the columns and suggests the likely one for an unknown column', () => {
    let caught: unknown;
    try {
      resolveColumns({ attributes: ['rase'], label: 'label', prediction: 'pred' }, available, 'p.csv');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.message).toBe('column "rase" not found; columns are: id, race, sex, label, score, pred');
    expect(error.hint).toBe('Did you mean "race"?');
    expect(error.describe()).toBe(
      'p.csv: column "rase" not found; columns are: id, race, sex, label, score, pred. Did you mean "race"?',
    );
  });

  it('points at the delimiter when the file was read as one column', () => {
    let hint: string | undefined;
    try {
      resolveColumns({ attributes: ['sex'], label: 'y', prediction: 'p' }, ['sex;y;p'], 'p.csv');
    } catch (error) {
      hint = error instanceof InputError ? error.hint : undefined;
    }
    expect(hint).toMatch(/read as one single column: is its delimiter/);
  });
});

describe('assertColumnChoices', () => {
  it.each([
    [{ attributes: [], label: 'y', prediction: 'p' }, 'no sensitive attribute given'],
    [{ attributes: ['sex', 'sex'], label: 'y', prediction: 'p' }, 'attribute "sex" is given twice'],
    [
      { attributes: ['y'], label: 'y', prediction: 'p' },
      'column "y" is given both as an attribute and as the label',
    ],
    [
      { attributes: ['sex'], label: 'y', prediction: 'y' },
      'column "y" is given both as the label and as the prediction',
    ],
  ])('rejects %j as a usage error', (requested, message) => {
    expect(() => assertColumnChoices(requested)).toThrow(UsageError);
    expect(() => assertColumnChoices(requested)).toThrow(message);
  });
});
