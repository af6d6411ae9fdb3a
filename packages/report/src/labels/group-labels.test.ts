import { describe, expect, it } from 'vitest';
import type { BiasSection, GroupMetrics } from '@rai-audit/core';
import { flaggedGroupLabel, groupLabel, sectionAttributes, uniqueLabels } from './group-labels.js';

const intersection = { key: 'race+sex', parts: ['race', 'sex'], label: 'race × sex' };

function row(group: string, extra: Partial<GroupMetrics> = {}): GroupMetrics {
  return { attribute: 'race+sex', group, n: 10, metrics: {}, ...extra };
}

describe('groupLabel', () => {
  it('reads an intersection as each attribute with its value, in the intersection order', () => {
    expect(groupLabel(row('A|female', { values: { sex: 'female', race: 'A' } }), intersection)).toBe(
      'race=A, sex=female',
    );
  });

  it('splits the joined value when the values are absent, and leaves an ambiguous one alone', () => {
    expect(groupLabel({ group: 'A|female' }, intersection)).toBe('race=A, sex=female');
    expect(groupLabel({ group: 'A|b|c' }, intersection)).toBe('A|b|c');
  });

  it('falls back to the sorted value names when they do not match the attributes', () => {
    expect(groupLabel(row('x', { values: { b: '2', a: '1' } }), intersection)).toBe('a=1, b=2');
  });

  it('leaves a plain attribute value as it is', () => {
    expect(groupLabel({ group: 'A|female' }, { key: 'race', parts: ['race'], label: 'race' })).toBe(
      'A|female',
    );
  });

  it('marks the reference and small groups with shapes for chart axes', () => {
    const view = { key: 'race', parts: ['race'], label: 'race' };
    expect(flaggedGroupLabel(row('W', { reference: true }), view)).toBe('W ◆');
    expect(flaggedGroupLabel(row('O', { smallGroup: true }), view)).toBe('O ▲');
    expect(flaggedGroupLabel(row('B'), view)).toBe('B');
  });
});

describe('uniqueLabels', () => {
  it('numbers repeats so that no two marks merge, also against taken labels', () => {
    expect(uniqueLabels(['A', 'B', 'A', 'A'])).toEqual(['A', 'B', 'A (2)', 'A (3)']);
    expect(uniqueLabels(['Overall', 'x'], ['Overall'])).toEqual(['Overall (2)', 'x']);
  });
});

describe('sectionAttributes', () => {
  it('lists the attributes, then the intersections, then any other attribute the groups name', () => {
    const section = {
      columns: { attributes: ['race', 'sex'], intersections: [['race', 'sex']], label: 'y' },
      groups: [
        row('a', { attribute: 'sex' }),
        row('b', { attribute: 'age' }),
        row('c', { attribute: 'race+sex' }),
      ],
    } as unknown as BiasSection;
    expect(sectionAttributes(section).map((v) => [v.key, v.label])).toEqual([
      ['race', 'race'],
      ['sex', 'sex'],
      ['race+sex', 'race × sex'],
      ['age', 'age'],
    ]);
  });
});
