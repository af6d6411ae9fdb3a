/** How long one step of an audit took, in milliseconds. */
export interface AuditTiming {
  step: string;
  ms: number;
}

export interface StepTimer {
  mark: (step: string) => void;
  timings: () => AuditTiming[];
}

/** Records the time since the previous mark under each step name; the clock is injected so tests can fix it. */
export function createStepTimer(now: () => number): StepTimer {
  const timings: AuditTiming[] = [];
  let last = now();
  return {
    mark(step) {
      const current = now();
      timings.push({ step, ms: current - last });
      last = current;
    },
    timings: () => timings.map((timing) => ({ ...timing })),
  };
}
