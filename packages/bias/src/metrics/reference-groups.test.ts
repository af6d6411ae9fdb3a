import { ReferenceGroupSchema, UsageError, type ConfusionCounts, type GroupMetrics } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { computeGroupMetrics } from './metrics.js';
import { chooseReferenceGroups, parseReferenceSpecs } from './reference-groups.js';

const OVERALL: ConfusionCounts = { tp: 100, fp: 100, tn: 100, fn: 100 };

function group(attribute: string, name: string, counts: ConfusionCounts): GroupMetrics {
  return computeGroupMetrics(attribute, name, counts, OVERALL);
}

// race: White largest (n=40), Black n=30 with the lowest FPR, Asian n=40 (ties White, comes later), (missing) n=90.
const groups: GroupMetrics[] = [
  group('race', 'Asian', { tp: 10, fp: 10, tn: 10, fn: 10 }),
  group('race', 'Black', { tp: 10, fp: 1, tn: 9, fn: 10 }),
  group('race', 'White', { tp: 10, fp: 10, tn: 10, fn: 10 }),
  group('race', '(missing)', { tp: 30, fp: 30, tn: 20, fn: 10 }),
  group('sex', 'female', { tp: 5, fp: 0, tn: 0, fn: 5 }),
  group('sex', 'male', { tp: 5, fp: 2, tn: 2, fn: 5 }),
  group('race+sex', '(missing)|female', { tp: 50, fp: 50, tn: 50, fn: 50 }),
  group('race+sex', 'White|male', { tp: 1, fp: 1, tn: 1, fn: 1 }),
];

const attempt = (fn: () => unknown): UsageError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
};

describe('chooseReferenceGroups', () => {
  it('takes the largest group by default, the first in table order on ties, never "(missing)"', () => {
    const references = chooseReferenceGroups(groups, ['race', 'sex', 'race+sex'], []);
    expect(references).toEqual([
      { attribute: 'race', group: 'Asian', method: 'largest' },
      { attribute: 'sex', group: 'male', method: 'largest' },
      { attribute: 'race+sex', group: 'White|male', method: 'largest' },
    ]);
    for (const reference of references) expect(ReferenceGroupSchema.parse(reference)).toEqual(reference);
  });

  it('takes a named group, "(missing)" included when asked for by name', () => {
    expect(
      chooseReferenceGroups(
        groups,
        ['race', 'sex'],
        [
          { attribute: 'race', method: 'explicit', group: '(missing)' },
          { attribute: 'sex', method: 'explicit', group: 'female' },
        ],
      ),
    ).toEqual([
      { attribute: 'race', group: '(missing)', method: 'explicit' },
      { attribute: 'sex', group: 'female', method: 'explicit' },
    ]);
  });

  it('takes the group with the minimum metric, skipping undefined values, as Aequitas does', () => {
    // sex=female has no actual negatives: its FPR is undefined, so male (FPR 0.5) is the minimum.
    expect(
      chooseReferenceGroups(
        groups,
        ['race', 'sex'],
        [
          { attribute: 'race', method: 'min-metric', metric: 'fpr' },
          { attribute: 'sex', method: 'min-metric', metric: 'fpr' },
        ],
      ),
    ).toEqual([
      { attribute: 'race', group: 'Black', method: 'min-metric', metric: 'fpr' },
      { attribute: 'sex', group: 'male', method: 'min-metric', metric: 'fpr' },
    ]);
  });

  it('names the groups when the reference group does not exist, with a suggestion', () => {
    const error = attempt(() =>
      chooseReferenceGroups(groups, ['race'], [{ attribute: 'race', method: 'explicit', group: 'Whit' }]),
    );
    expect(error.message).toBe('reference group "Whit" is not a group of race');
    expect(error.location).toBe('--reference race=Whit');
    expect(error.hint).toBe('Did you mean "White"? Groups of race: Asian, Black, White, (missing)');
  });

  it('rejects an attribute that is not audited, and a second reference for one attribute', () => {
    expect(
      attempt(() =>
        chooseReferenceGroups(groups, ['race'], [{ attribute: 'rase', method: 'largest' }]),
      ).describe(),
    ).toBe(
      '--reference rase: --reference names "rase", which is not an audited attribute. Did you mean "race"? Audited attributes: race',
    );
    const twice = attempt(() =>
      chooseReferenceGroups(
        groups,
        ['race'],
        [
          { attribute: 'race', method: 'largest' },
          { attribute: 'race', method: 'explicit', group: 'White' },
        ],
      ),
    );
    expect(twice.message).toBe('--reference is given twice for race');
  });

  it('says what to do when no group has the metric to take the minimum of', () => {
    const noPositives = [
      group('x', 'a', { tp: 0, fp: 1, tn: 1, fn: 0 }),
      group('x', 'b', { tp: 0, fp: 2, tn: 1, fn: 0 }),
    ];
    const error = attempt(() =>
      chooseReferenceGroups(noPositives, ['x'], [{ attribute: 'x', method: 'min-metric', metric: 'tpr' }]),
    );
    expect(error.message).toBe('no group of x has a defined tpr to take the minimum of');
    expect(error.hint).toContain('--reference x=VALUE');
  });

  it('gives no reference to an attribute whose only group is "(missing)"', () => {
    const onlyMissing = [group('x', '(missing)', { tp: 1, fp: 1, tn: 1, fn: 1 })];
    expect(chooseReferenceGroups(onlyMissing, ['x'], [])).toEqual([]);
  });
});

describe('parseReferenceSpecs', () => {
  const attributes = ['race', 'sex', 'race+sex'];

  it('reads named groups, per-attribute methods and all-attribute methods; named ones win', () => {
    expect(parseReferenceSpecs(['race=White', 'min-metric:fpr', 'sex:largest'], attributes)).toEqual([
      { attribute: 'race', method: 'explicit', group: 'White' },
      { attribute: 'sex', method: 'largest' },
      { attribute: 'race+sex', method: 'min-metric', metric: 'fpr' },
    ]);
    expect(parseReferenceSpecs(['race+sex=White|male', 'x=a=b'], attributes)).toEqual([
      { attribute: 'race+sex', method: 'explicit', group: 'White|male' },
      { attribute: 'x', method: 'explicit', group: 'a=b' },
    ]);
    expect(parseReferenceSpecs([], attributes)).toEqual([]);
  });

  it('rejects an unknown metric, a missing metric, two all-attribute values and unreadable text', () => {
    expect(attempt(() => parseReferenceSpecs(['min-metric:fp'], attributes)).hint).toContain(
      'Did you mean "fpr"?',
    );
    expect(attempt(() => parseReferenceSpecs(['race:min-metric'], attributes)).message).toBe(
      '--reference race:min-metric needs a metric',
    );
    expect(attempt(() => parseReferenceSpecs(['largest', 'min-metric:tpr'], attributes)).message).toBe(
      '--reference is given for every attribute more than once',
    );
    expect(attempt(() => parseReferenceSpecs(['White'], attributes)).hint).toContain('ATTRIBUTE=GROUP');
  });
});
