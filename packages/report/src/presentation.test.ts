import { describe, expect, it } from 'vitest';
import {
  describeSubject,
  formatBytes,
  formatCheckValue,
  formatActual,
  formatExpected,
  formatNumber,
  groupChecks,
} from './presentation.js';
import { demoResult } from '../test/fixtures.js';

describe('value formatting', () => {
  it('keeps four significant digits and never prints NaN', () => {
    expect(formatNumber(0.625)).toBe('0.625');
    expect(formatNumber(2 / 3)).toBe('0.6667');
    expect(formatNumber(1000)).toBe('1000');
    expect(formatNumber(Number.NaN)).toBe('undefined');
  });

  it('reads a null check value as undefined and lists arrays', () => {
    expect(formatCheckValue(null)).toBe('undefined');
    expect(formatCheckValue([0.8, 'x', true])).toBe('[0.8, x, true]');
  });

  it('writes the expected value with its operator', () => {
    expect(formatExpected({ operator: '>=', value: 0.8 })).toBe('≥ 0.8');
    expect(formatExpected({ operator: '<=', value: 0.1 })).toBe('≤ 0.1');
    expect(formatExpected({ operator: 'between', value: [0.8, 1.25] })).toBe('between 0.8 and 1.25');
    expect(formatExpected({ operator: 'in', value: ['a', 'b'] })).toBe('in [a, b]');
    expect(formatExpected({ operator: 'present', value: null })).toBe('present');
    expect(formatExpected(null)).toBe('none');
  });

  it('writes an actual value as the message does, and an absence as "none", never a raw "undefined"', () => {
    expect(formatActual({ actual: 0.34470000001, expected: { operator: '>=', value: 0.8 } })).toBe('0.345');
    expect(formatActual({ actual: 0.38, expected: null })).toBe('0.38');
    expect(formatActual({ actual: 0.00001234, expected: null })).toBe('0.0000123');
    expect(formatActual({ actual: null, expected: { operator: 'present', value: true } })).toBe('none');
    expect(formatActual({ actual: null, expected: { operator: '>=', value: 0.8 } })).toBe('undefined');
    expect(formatActual({ actual: null, expected: { operator: 'in', value: ['SDXL'] } })).toBe('none');
  });

  it('describes a subject in a fixed key order', () => {
    expect(describeSubject({ group: 'F', file: 'a.csv', attribute: 'sex' })).toBe(
      'attribute: sex, group: F, file: a.csv',
    );
    expect(describeSubject({})).toBe('');
  });

  it('groups thousands without depending on the locale', () => {
    expect(formatBytes(1234567)).toBe('1,234,567 bytes');
    expect(formatBytes(1)).toBe('1 byte');
  });
});

describe('groupChecks', () => {
  it('puts every check in exactly one group', () => {
    const { checks } = demoResult();
    const groups = groupChecks(checks);
    expect(groups.failed.map((c) => c.status)).toEqual(['fail', 'fail', 'error']);
    expect(groups.warnings.map((c) => c.status)).toEqual(['warn', 'error']);
    expect(groups.passed).toHaveLength(3);
    expect(groups.other.map((c) => c.status)).toEqual(['not-applicable', 'not-applicable']);
  });
});
