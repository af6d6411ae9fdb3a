import { describe, expect, it } from 'vitest';
import { correlationRatio, cramersV, type ContingencyCell } from './dataset-association.js';
import { isNumericType, rankProxies, type ProxyRow } from './dataset-proxies.js';

const table = (rows: Record<string, Record<string, number>>): ContingencyCell[] =>
  Object.entries(rows).flatMap(([group, values]) =>
    Object.entries(values).map(([value, n]) => ({ group, value, n })),
  );

describe('cramersV (bias-corrected)', () => {
  it('is 1 for a balanced 2×2 table where each attribute group has its own value', () => {
    expect(cramersV(table({ F: { x: 5 }, M: { y: 5 } })).value).toBeCloseTo(1, 12);
  });

  it('is 0 for an independent table (the correction floors φ² at 0)', () => {
    expect(cramersV(table({ F: { x: 10, y: 10 }, M: { x: 10, y: 10 } })).value).toBe(0);
  });

  // Hand computation for F: red 4, blue 2 / M: red 1, blue 5 (n = 12): E = 2.5 (red) and 3.5 (blue) per group,
  // χ² = 2·1.5²/2.5 + 2·1.5²/3.5 = 3.0857; φ² = 0.25714; φ̃² = φ² − 1/11 = 0.16623; r̃ − 1 = k̃ − 1 = 1 − 1/11;
  // V = √(0.16623 / 0.90909) = 0.42762.
  it('matches the hand-computed value of a 2×2 table', () => {
    expect(cramersV(table({ F: { red: 4, blue: 2 }, M: { red: 1, blue: 5 } })).value).toBeCloseTo(
      0.427617987059879,
      12,
    );
  });

  it('scores a perfect 2×4 proxy just below 1 (German credit personal_status against sex: 0.998997)', () => {
    const cells = table({ female: { A92: 310 }, male: { A91: 50, A93: 548, A94: 92 } });
    expect(cramersV(cells).value).toBeCloseTo(0.998997493482325, 12);
  });

  it('is undefined with the reason for one group, one value or too few rows', () => {
    expect(cramersV(table({ F: { x: 3, y: 4 } })).reason).toBe('the attribute has a single group');
    expect(cramersV(table({ F: { x: 3 }, M: { x: 4 } })).reason).toBe('the feature has a single value');
    expect(cramersV(table({ F: { x: 1 } })).value).toBeNull();
  });
});

describe('correlationRatio', () => {
  // F: 10, 10, 20, 20, 30, 30 (mean 20, Σ(x − 20)² = 400); M: 40 … 60 (mean 50, 400). Grand mean 35:
  // SS_between = 6·15² + 6·15² = 2700, SS_total = 3500, η = √(2700/3500) = 0.87831.
  it('matches the hand-computed value', () => {
    const groups = [
      { group: 'F', n: 6, mean: 20, sumSquaredDeviations: 400 },
      { group: 'M', n: 6, mean: 50, sumSquaredDeviations: 400 },
    ];
    expect(correlationRatio(groups).value).toBeCloseTo(Math.sqrt(2700 / 3500), 12);
  });

  it('is 0 when every group has the same mean and 1 when groups have no spread of their own', () => {
    const sameMean = [
      { group: 'F', n: 4, mean: 3, sumSquaredDeviations: 8 },
      { group: 'M', n: 5, mean: 3, sumSquaredDeviations: 2 },
    ];
    expect(correlationRatio(sameMean).value).toBe(0);
    const separated = [
      { group: 'F', n: 4, mean: 1, sumSquaredDeviations: 0 },
      { group: 'M', n: 5, mean: 9, sumSquaredDeviations: 0 },
    ];
    expect(correlationRatio(separated).value).toBe(1);
  });

  it('is undefined for a constant feature even when rounding makes group means differ', () => {
    const constant = [
      { group: 'F', n: 3, mean: 0.1 + 0.2, sumSquaredDeviations: 0 },
      { group: 'M', n: 3, mean: 0.3, sumSquaredDeviations: 0 },
    ];
    expect(correlationRatio(constant)).toEqual({ value: null, reason: 'the feature is constant' });
    expect(correlationRatio([{ group: 'F', n: 3, mean: 1, sumSquaredDeviations: 2 }]).value).toBeNull();
    expect(correlationRatio([{ group: 'F', n: 0, mean: 0, sumSquaredDeviations: 0 }]).reason).toBe(
      'the feature has no finite values',
    );
  });
});

describe('rankProxies and isNumericType', () => {
  it('ranks by value descending, undefined last, ties by feature then attribute', () => {
    const row = (feature: string, attribute: string, value: number | null): ProxyRow => ({
      feature,
      attribute,
      measure: 'cramers_v',
      value,
    });
    const ranked = rankProxies([
      row('b', 'sex', 0.2),
      row('z', 'sex', null),
      row('a', 'sex', 0.9),
      row('a', 'age', 0.2),
    ]);
    expect(ranked.map((r) => `${r.feature}/${r.attribute}`)).toEqual(['a/sex', 'a/age', 'b/sex', 'z/sex']);
  });

  it('treats DuckDB number types as numeric and text, booleans and dates as categorical', () => {
    expect(['BIGINT', 'DOUBLE', 'DECIMAL(18,3)', 'INTEGER', 'FLOAT'].every(isNumericType)).toBe(true);
    expect(['VARCHAR', 'BOOLEAN', 'DATE', 'TIMESTAMP'].some(isNumericType)).toBe(false);
  });
});
