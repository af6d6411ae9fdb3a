import type { BiasAuditConfig } from '@rai-audit/core';
import type { BiasFlags } from '../commands/bias-options.js';

const list = (value: string | readonly string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : [value].flat();

const text = (value: number | undefined): string | undefined =>
  value === undefined ? undefined : String(value);

/**
 * A `bias` block of rai-audit.yaml as the bias command's flags, so that both go through the same parsing and
 * checks (commands/bias-options.ts); `path` maps a path written in the config to one relative to the cwd.
 */
export function biasFlagsFromConfig(block: BiasAuditConfig, path: (written: string) => string): BiasFlags {
  const flags: BiasFlags = {
    attribute: list(block.attributes),
    label: block.label,
    prediction: block.prediction,
    positiveLabel: block.positiveLabel,
    score: block.score,
    threshold: text(block.threshold),
    topK: text(block.topK),
    topPercent: text(block.topPercent),
    thresholds: block.thresholds,
    scoreBins: text(block.scoreBins),
    weight: block.weight,
    intersect:
      block.intersect === 'all-pairs'
        ? ['all-pairs']
        : block.intersect?.map((columns) => [columns].flat().join(',')),
    bins: Object.entries(block.bins ?? {}).map(([column, edges]) => `${column}=${edges.join(',')}`),
    quantiles: Object.entries(block.quantiles ?? {}).map(([column, count]) => `${column}=${count}`),
    missing: block.missing,
    reference: list(block.reference),
    tau: text(block.tau),
    minGroupSize: text(block.minGroupSize),
    bootstrap: text(block.bootstrap),
    seed: text(block.seed),
    level: text(block.level),
    expectedShares: Object.entries(block.expectedShares ?? {}).map(
      ([attribute, shares]) =>
        `${attribute}:${Object.entries(shares)
          .map(([group, share]) => `${group}=${share}`)
          .join(',')}`,
    ),
    features: block.features === undefined ? undefined : [block.features].flat().join(','),
    fromCounts: block.fromCounts === undefined ? undefined : path(block.fromCounts),
  };
  return Object.fromEntries(
    Object.entries(flags).filter(([, value]) => value !== undefined),
  ) as unknown as BiasFlags;
}

/** The data files of a block, relative to the cwd. */
export function biasDataFromConfig(block: BiasAuditConfig, path: (written: string) => string): string[] {
  return (list(block.data) ?? []).map(path);
}
