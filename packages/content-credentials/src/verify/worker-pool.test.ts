import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InternalError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { runWorkerPool, type PoolOutcome } from './worker-pool.js';

// A plain-JS worker speaking the pool's protocol, so these tests exercise the pool itself in milliseconds.
const TEST_WORKER = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ id, input }) => {
  if (input.hang) for (;;) {}
  if (input.crash) throw new Error('boom');
  if (input.exit) { process.exitCode = 7; parentPort.close(); return; }
  const reply = () => parentPort.postMessage({ id, output: { value: input.value, threadId }, replace: Boolean(input.replace) });
  setTimeout(reply, input.delay ?? 0);
});
parentPort.postMessage({ ready: true });
`;

interface Input {
  value: number;
  delay?: number;
  hang?: boolean;
  crash?: boolean;
  exit?: boolean;
  replace?: boolean;
}
interface Output {
  value: number;
  threadId: number;
}

const dir = mkdtempSync(join(tmpdir(), 'rai-audit-pool-'));
const script = pathToFileURL(join(dir, 'worker.mjs'));
writeFileSync(script, TEST_WORKER);

function values(outcomes: PoolOutcome<Output>[]): Array<number | string> {
  return outcomes.map((outcome) => (outcome.ok ? outcome.output.value : outcome.reason));
}

describe('runWorkerPool', () => {
  it('returns outcomes in input order whatever order they finish in, and counts each one settled', async () => {
    const inputs: Input[] = [40, 0, 25, 0, 10, 0].map((delay, value) => ({ value, delay }));
    const settled: number[] = [];
    const outcomes = await runWorkerPool<Input, Output>(inputs, {
      script,
      size: 3,
      timeoutMs: 5_000,
      onSettled: (count, total) => settled.push(count * 10 + total),
    });
    expect(values(outcomes)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(outcomes.map((outcome) => outcome.ok && outcome.output.threadId)).size).toBe(3);
    expect(settled).toEqual([16, 26, 36, 46, 56, 66]);
  });

  it('stops a task over the time limit, replaces its worker and goes on', async () => {
    const inputs: Input[] = [{ value: 0 }, { value: 1, hang: true }, { value: 2 }, { value: 3 }];
    const outcomes = await runWorkerPool<Input, Output>(inputs, { script, size: 1, timeoutMs: 300 });
    expect(values(outcomes)).toEqual([0, 'timeout', 2, 3]);
    expect(outcomes[1]).toMatchObject({ message: expect.stringMatching(/no result within 300 ms/) });
    const threads = outcomes.map((outcome) => (outcome.ok ? outcome.output.threadId : -1));
    expect(threads[2]).not.toBe(threads[0]);
  });

  it('records a crashed worker (uncaught error, exit) as that task’s outcome and replaces the worker', async () => {
    const inputs: Input[] = [{ value: 0, crash: true }, { value: 1 }, { value: 2, exit: true }, { value: 3 }];
    const outcomes = await runWorkerPool<Input, Output>(inputs, { script, size: 1, timeoutMs: 5_000 });
    expect(values(outcomes)).toEqual(['crashed', 1, 'crashed', 3]);
    expect(outcomes[0]).toMatchObject({ message: 'the worker crashed: boom' });
    expect(outcomes[2]).toMatchObject({ message: 'the worker exited with code 7' });
  });

  it('retires a worker that asks to be replaced (a trapped WebAssembly module)', async () => {
    const inputs: Input[] = [{ value: 0, replace: true }, { value: 1 }, { value: 2 }];
    const outcomes = await runWorkerPool<Input, Output>(inputs, { script, size: 1, timeoutMs: 5_000 });
    const threads = outcomes.map((outcome) => (outcome.ok ? outcome.output.threadId : -1));
    expect(values(outcomes)).toEqual([0, 1, 2]);
    expect(threads[1]).not.toBe(threads[0]);
    expect(threads[2]).toBe(threads[1]);
  });

  it('fails the run with an InternalError when a worker cannot start', async () => {
    const missing = pathToFileURL(join(dir, 'missing.mjs'));
    await expect(
      runWorkerPool([{ value: 0 }], { script: missing, size: 2, timeoutMs: 1_000 }),
    ).rejects.toThrow(InternalError);
  });

  it('returns at once for no input', async () => {
    await expect(runWorkerPool([], { script, size: 4, timeoutMs: 1_000 })).resolves.toEqual([]);
  });
});
