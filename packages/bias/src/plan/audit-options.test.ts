import { UsageError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveAuditSettings, type BiasAuditOptions } from './audit-options.js';

const base: BiasAuditOptions = { file: 'x.csv', attributes: ['race', 'age'], label: 'y', prediction: 'p' };

describe('resolveAuditSettings', () => {
  it('applies the documented defaults, and is a dataset audit without prediction and score', () => {
    expect(resolveAuditSettings(base)).toEqual({
      mode: 'predictions',
      missing: 'group',
      summaryGroups: 'sufficient',
      ...DEFAULT_SETTINGS,
      draws: 1000,
    });
    expect(DEFAULT_SETTINGS).toMatchObject({
      tau: 0.8,
      minGroupSize: 30,
      draws: 1000,
      seed: 0,
      level: 0.95,
      scoreBins: 200,
    });
    const { prediction: _, ...dataset } = base;
    expect(resolveAuditSettings(dataset).mode).toBe('dataset');
  });

  it.each<[Partial<BiasAuditOptions>, string]>([
    [{ tau: 1.2 }, '--tau must be in (0, 1], got 1.2'],
    [{ tau: 0 }, '--tau must be in (0, 1], got 0'],
    [{ minGroupSize: -1 }, '--min-group-size must be a whole number >= 0, got -1'],
    [{ bootstrap: 2.5 }, '--bootstrap must be a whole number >= 0, got 2.5'],
    [{ bootstrap: 1e8 }, '--bootstrap must be at most 100,000 draws, got 100000000'],
    [{ bootstrap: 1e12 }, '--bootstrap must be at most 100,000 draws, got 1000000000000'],
    [{ level: 1 }, '--level must be between 0 and 1, got 1'],
    [{ scoreBins: 1 }, '--score-bins must be a whole number from 2 to 10000, got 1'],
    [{ threshold: 0.5 }, '--threshold needs a score column'],
    [{ score: 's', topK: 0 }, '--top-k must be a whole number > 0, got 0'],
    [{ score: 's', topPercent: 150 }, '--top-percent must be in (0, 100], got 150'],
    [{ score: 's', topK: 5, threshold: 0.5 }, '--threshold and --top-k cannot be combined'],
    [
      { prediction: undefined, score: 's' },
      '--score needs a rule that turns scores into predictions, or a --prediction column',
    ],
    [
      { score: 's', groupThresholds: { attribute: 'age', thresholds: { a: 0.5 } } },
      '--thresholds names "age", but group thresholds apply to the first --attribute (race)',
    ],
    [{ bins: { income: [1, 2] } }, '--bins names "income", which is not an --attribute'],
    [{ bins: { age: [1] }, quantiles: { age: 4 } }, '--bins and --quantiles both cut "age"'],
    [{ quantiles: { age: 1 } }, '--quantiles age=1 must ask for 2 to 100 buckets'],
  ])('rejects %j with a usage error naming the flag', (extra, message) => {
    const options = { ...base, ...extra };
    expect(() => resolveAuditSettings(options)).toThrow(UsageError);
    expect(() => resolveAuditSettings(options)).toThrow(message);
  });

  it('lets --threshold be the default of --thresholds', () => {
    const options = {
      ...base,
      prediction: undefined,
      score: 's',
      threshold: 0.5,
      groupThresholds: { thresholds: { a: 0.4 } },
    };
    expect(resolveAuditSettings(options).mode).toBe('predictions');
  });
});
