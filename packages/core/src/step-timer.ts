/** How long one step of a run took, in milliseconds. */
export interface AuditTiming {
  step: string;
  ms: number;
}

export interface StepTimer {
  mark: (step: string) => void;
  timings: () => AuditTiming[];
}

/**
 * Records the time since the previous mark under each step name (the first since `start`, by default the time the
 * timer is made); the clock is injected so tests can fix it.
 */
export function createStepTimer(now: () => number, start: number = now()): StepTimer {
  const timings: AuditTiming[] = [];
  let last = start;
  return {
    mark(step) {
      const current = now();
      timings.push({ step, ms: current - last });
      last = current;
    },
    timings: () => timings.map((timing) => ({ ...timing })),
  };
}

/** "open 3 ms, aggregation 1210 ms, …": the timings as RAI_AUDIT_TIMINGS prints them. */
export function formatTimings(timings: readonly AuditTiming[]): string {
  return timings.map((timing) => `${timing.step} ${Math.round(timing.ms)} ms`).join(', ');
}
