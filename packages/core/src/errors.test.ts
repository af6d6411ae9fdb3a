import { describe, expect, it } from 'vitest';
import { InputError, InternalError, PolicyFailureError, UsageError, isRaiAuditError } from './errors.js';
import { closestMatch } from './suggest.js';

describe('errors', () => {
  it('map to the exit codes of DESIGN.md', () => {
    expect(new UsageError('x').exitCode).toBe(2);
    expect(new InputError('x').exitCode).toBe(3);
    expect(new PolicyFailureError('x').exitCode).toBe(1);
    expect(new InternalError('x').exitCode).toBe(3);
    expect(isRaiAuditError(new Error('x'))).toBe(false);
  });

  it('describe the file, the place and the fix in one paragraph', () => {
    const error = new InputError('column "rase" not found', {
      file: 'predictions.csv',
      location: 'header',
      hint: 'Columns are: id, race, sex',
    });
    expect(error.describe()).toBe(
      'predictions.csv: header: column "rase" not found. Columns are: id, race, sex',
    );
    expect(error.name).toBe('InputError');
  });
});

describe('closestMatch', () => {
  it('suggests a near miss and nothing for an unrelated word', () => {
    expect(closestMatch('rase', ['id', 'race', 'sex'])).toBe('race');
    expect(closestMatch('zzzzzzzz', ['id', 'race', 'sex'])).toBeUndefined();
  });
});
