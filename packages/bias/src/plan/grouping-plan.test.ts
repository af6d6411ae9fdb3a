import { UsageError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import {
  bucketLabels,
  bucketingFromEdges,
  expandIntersections,
  groupingName,
  groupingSets,
} from './grouping-plan.js';

describe('bucketLabels and bucketingFromEdges', () => {
  it('labels the buckets below, between and above the edges', () => {
    expect(bucketLabels([18, 25, 45, 65])).toEqual(['< 18', '[18, 25)', '[25, 45)', '[45, 65)', '>= 65']);
    expect(bucketLabels([0.5])).toEqual(['< 0.5', '>= 0.5']);
  });

  it.each([
    [[25, 18], 'must be strictly ascending'],
    [[18, 18], 'must be strictly ascending'],
    [[Number.NaN], 'must be numbers'],
    [[], 'must be numbers'],
  ])('rejects edges %j as a usage error naming the flag', (edges, message) => {
    expect(() => bucketingFromEdges('age', edges, 'bins')).toThrow(UsageError);
    expect(() => bucketingFromEdges('age', edges, 'bins')).toThrow(`--bins age: the edges ${message}`);
  });
});

describe('expandIntersections', () => {
  const attributes = ['race', 'sex', 'age'];

  it('expands all-pairs, orders members like the attributes and drops duplicates', () => {
    expect(expandIntersections(['all-pairs', ['sex', 'race']], attributes)).toEqual([
      ['race', 'sex'],
      ['race', 'age'],
      ['sex', 'age'],
    ]);
    expect(groupingSets({ attributes, intersections: [['race', 'sex']] }).map(groupingName)).toEqual([
      'race',
      'sex',
      'age',
      'race+sex',
    ]);
  });

  it.each([
    [['race'], 'needs two or more attributes'],
    [['race', 'race'], 'an attribute is named twice'],
    [['race', 'income'], '"income" is not one of the --attribute columns'],
  ])('rejects %j', (set, message) => {
    expect(() => expandIntersections([set], attributes)).toThrow(message);
  });
});
