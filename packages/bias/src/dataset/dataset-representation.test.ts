import { describe, expect, it } from 'vitest';
import { representationRows } from './dataset-representation.js';

describe('representationRows', () => {
  const counts = [
    { attribute: 'age', group: '10', n: 30, positives: 3 },
    { attribute: 'age', group: '(missing)', n: 10, positives: 1 },
    { attribute: 'age', group: '9', n: 60, positives: 6 },
    { attribute: 'sex', group: 'x', n: 100, positives: 10 },
  ];

  it('lists the groups of one attribute in natural order, (missing) last, with shares of its rows', () => {
    expect(representationRows('age', counts)).toEqual([
      { attribute: 'age', group: '9', n: 60, share: 0.6 },
      { attribute: 'age', group: '10', n: 30, share: 0.3 },
      { attribute: 'age', group: '(missing)', n: 10, share: 0.1 },
    ]);
  });

  it('adds the expected shares, and expected groups without rows as n = 0', () => {
    const rows = representationRows('age', counts, { '9': 0.5, '10': 0.3, '11': 0.2 });
    expect(rows.map((r) => [r.group, r.n, r.expectedShare])).toEqual([
      ['9', 60, 0.5],
      ['10', 30, 0.3],
      ['11', 0, 0.2],
      ['(missing)', 10, undefined],
    ]);
  });
});
