import { UsageError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit, validateExpectedShares } from './dataset-goodness-of-fit.js';

const half = { female: 0.5, male: 0.5 };

describe('chiSquareGoodnessOfFit', () => {
  it('computes χ² = Σ(O − E)²/E, df and p: 60/40 against 50/50 gives χ² = 4, p = 0.0455', () => {
    const fit = chiSquareGoodnessOfFit(
      'sex',
      [
        { group: 'female', n: 40 },
        { group: 'male', n: 60 },
      ],
      half,
    );
    expect(fit).toMatchObject({ attribute: 'sex', test: 'chi-square', statistic: 4, df: 1 });
    expect(fit.pValue).toBeCloseTo(0.04550026389635857, 10);
    expect(fit.reason).toBeUndefined();
  });

  it('gives p = 1 when the counts match the shares exactly', () => {
    const fit = chiSquareGoodnessOfFit(
      'race',
      [
        { group: 'A', n: 20 },
        { group: 'B', n: 30 },
        { group: 'C', n: 50 },
      ],
      {
        A: 0.2,
        B: 0.3,
        C: 0.5,
      },
    );
    expect(fit).toMatchObject({ statistic: 0, df: 2, pValue: 1 });
  });

  it('leaves out groups without an expected share and says so', () => {
    const observed = [
      { group: 'female', n: 50 },
      { group: 'male', n: 50 },
      { group: '(missing)', n: 7 },
    ];
    const fit = chiSquareGoodnessOfFit('sex', observed, half);
    expect(fit.statistic).toBe(0);
    expect(fit.reason).toBe(
      '7 rows in groups without an expected share ((missing)) are left out of the test',
    );
  });

  it('points at an expected group with no rows, and at small expected counts', () => {
    const fit = chiSquareGoodnessOfFit(
      'sex',
      [
        { group: 'female', n: 6 },
        { group: 'male', n: 2 },
      ],
      {
        Female: 0.5,
        female: 0.25,
        male: 0.25,
      },
    );
    expect(fit.df).toBe(2);
    expect(fit.reason).toContain('no rows of the expected group Female; check the spelling');
    expect(fit.reason).toContain('expected count below 5');
  });

  it('reports p = 0 without a statistic when a group with rows has an expected share of 0', () => {
    const fit = chiSquareGoodnessOfFit(
      'sex',
      [
        { group: 'female', n: 3 },
        { group: 'male', n: 5 },
      ],
      {
        female: 1,
        male: 0,
      },
    );
    expect(fit).toMatchObject({ statistic: null, pValue: 0 });
    expect(fit.reason).toContain('sex=male has 5 rows but an expected share of 0');
  });

  it('has nothing to test with one group', () => {
    const fit = chiSquareGoodnessOfFit('sex', [{ group: 'female', n: 3 }], { female: 1 });
    expect(fit).toMatchObject({ statistic: null, df: 0, pValue: null });
  });
});

describe('validateExpectedShares', () => {
  it('rescales shares that sum to 1 within rounding', () => {
    const shares = validateExpectedShares({ race: { A: 0.33, B: 0.33, C: 0.33 } }, ['race']);
    expect(shares.race?.A).toBeCloseTo(1 / 3, 12);
  });

  it('rejects percentages, negative shares and unknown attributes with the place and the fix', () => {
    expect(() => validateExpectedShares({ sex: { female: 50, male: 50 } }, ['sex'])).toThrow(
      /expected shares of sex sum to 100, not 1/,
    );
    expect(() => validateExpectedShares({ sex: { female: -0.5, male: 1.5 } }, ['sex'])).toThrow(UsageError);
    try {
      validateExpectedShares({ gender: half }, ['sex', 'race']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).hint).toBe('The attributes are: sex, race');
    }
  });
});
