import type { Parameters } from 'fast-check';

/**
 * Seeded, bounded fuzz runs: the same cases on every machine (set RAI_FUZZ_SEED to explore others), a cap on runs
 * and on wall time so that a loaded CI machine finishes each property in seconds. A time cap that cuts a run short
 * is not a failure; a failing case prints its seed and path so that it replays exactly.
 */
const seed = Number(process.env.RAI_FUZZ_SEED ?? 20251128);
const scale = Number(process.env.RAI_FUZZ_SCALE ?? 1);

function settings(numRuns: number, seconds: number): Parameters<unknown> {
  return {
    seed,
    numRuns: Math.max(1, Math.round(numRuns * scale)),
    interruptAfterTimeLimit: seconds * 1000 * scale,
    markInterruptAsFailure: false,
    endOnFailure: true,
  };
}

export const FUZZ = {
  /** In-memory properties: parsing, validation. */
  cheap: settings(300, 8),
  /** One CLI run or one asset read per case. */
  costly: settings(60, 15),
} as const;
