import { describe, expect, it } from 'vitest';
import { createStepTimer, formatTimings } from './step-timer.js';

describe('createStepTimer', () => {
  it('times each step since the previous mark, the first since the start it is given', () => {
    const clock = [250, 300, 1510.6];
    const timer = createStepTimer(() => clock.shift() ?? NaN, 0);
    timer.mark('start-up');
    timer.mark('policy');
    timer.mark('audit');
    expect(timer.timings()).toEqual([
      { step: 'start-up', ms: 250 },
      { step: 'policy', ms: 50 },
      { step: 'audit', ms: 1210.6 },
    ]);
    expect(formatTimings(timer.timings())).toBe('start-up 250 ms, policy 50 ms, audit 1211 ms');
  });

  it('starts from the time it is made by default', () => {
    const clock = [100, 130];
    const timer = createStepTimer(() => clock.shift() ?? NaN);
    timer.mark('open');
    expect(timer.timings()).toEqual([{ step: 'open', ms: 30 }]);
  });
});
