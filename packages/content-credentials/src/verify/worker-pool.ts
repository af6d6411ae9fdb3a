import { Worker } from 'node:worker_threads';
import { InternalError } from '@rai-audit/core';

/** What happened to one task: the worker's output, or why there is none. */
export type PoolOutcome<O> =
  | { readonly ok: true; readonly output: O }
  | { readonly ok: false; readonly reason: 'timeout' | 'crashed'; readonly message: string };

export interface WorkerPoolOptions {
  /** The worker entry (a file: or data: URL); it answers through `serveWorkerTasks`. */
  readonly script: URL;
  /** Handed to every worker as `workerData` (plain data). */
  readonly workerData?: unknown;
  /** Number of worker threads (at least 1). */
  readonly size: number;
  /** Time limit per task, from the moment it is handed to a ready worker. */
  readonly timeoutMs: number;
  /** Called after each task settles, with the number settled so far and the total. */
  readonly onSettled?: (settled: number, total: number) => void;
}

/** Messages a worker sends: ready once initialised, then one answer per task. */
export type WorkerReply =
  { readonly ready: true } | { readonly id: number; readonly output: unknown; readonly replace: boolean };

interface TaskRun<O> {
  readonly outcome: PoolOutcome<O>;
  /** The worker must not take another task (it timed out, died, or asked to be replaced). */
  readonly retire: boolean;
}

type Listeners = {
  readonly message: (reply: WorkerReply) => void;
  readonly error: (error: Error) => void;
  readonly exit: (code: number) => void;
};

// Only our own listeners are removed: Worker keeps internal ones (port referencing) that must stay.
function listen(worker: Worker, listeners: Listeners): () => void {
  worker.on('message', listeners.message);
  worker.on('error', listeners.error);
  worker.on('exit', listeners.exit);
  return () => {
    worker.off('message', listeners.message);
    worker.off('error', listeners.error);
    worker.off('exit', listeners.exit);
  };
}

/** One worker thread that runs one task at a time. */
class PooledWorker {
  private nextId = 0;

  private constructor(private readonly worker: Worker) {}

  /** Starts a worker and waits until it reports ready; a worker that fails to start fails the run. */
  static start(options: WorkerPoolOptions): Promise<PooledWorker> {
    const worker = new Worker(options.script, { workerData: options.workerData });
    return new Promise((resolve, reject) => {
      const fail = (detail: string, cause?: unknown): void => {
        unlisten();
        void worker.terminate();
        const hint = 'reinstall rai-audit; if it persists, run with --debug and report it';
        reject(new InternalError(`a verification worker failed to start: ${detail}`, { hint, cause }));
      };
      const unlisten = listen(worker, {
        message: (reply) => {
          if (!('ready' in reply)) return fail('it answered before it was ready');
          unlisten();
          resolve(new PooledWorker(worker));
        },
        error: (error) => fail(error.message, error),
        exit: (code) => fail(`it exited with code ${code}`),
      });
    });
  }

  run<O>(input: unknown, timeoutMs: number): Promise<TaskRun<O>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const settle = (run: TaskRun<O>): void => {
        clearTimeout(timer);
        unlisten();
        resolve(run);
      };
      const crashed = (message: string): void =>
        settle({ outcome: { ok: false, reason: 'crashed', message }, retire: true });
      const timer = setTimeout(() => {
        const message = `no result within ${timeoutMs} ms (--timeout-ms); the worker was stopped`;
        settle({ outcome: { ok: false, reason: 'timeout', message }, retire: true });
      }, timeoutMs);
      const unlisten = listen(this.worker, {
        message: (reply) => {
          if ('id' in reply && reply.id === id)
            settle({ outcome: { ok: true, output: reply.output as O }, retire: reply.replace });
        },
        error: (error) => crashed(`the worker crashed: ${error.message}`),
        exit: (code) => crashed(`the worker exited with code ${code}`),
      });
      this.worker.postMessage({ id, input });
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * Runs every input through a pool of worker threads and returns the outcomes in input order, whatever order they
 * finish in. At most `size` inputs are in flight; a task over the time limit or whose worker dies gets a failed
 * outcome and its worker is replaced, as is a worker that asks to be (a trapped WebAssembly module).
 */
export async function runWorkerPool<I, O>(
  inputs: readonly I[],
  options: WorkerPoolOptions,
): Promise<PoolOutcome<O>[]> {
  const outcomes = new Array<PoolOutcome<O>>(inputs.length);
  let next = 0;
  let settled = 0;
  const lane = async (): Promise<void> => {
    let worker: PooledWorker | undefined;
    try {
      while (next < inputs.length) {
        const index = next++;
        worker ??= await PooledWorker.start(options);
        const run = await worker.run<O>(inputs[index], options.timeoutMs);
        outcomes[index] = run.outcome;
        options.onSettled?.(++settled, inputs.length);
        if (run.retire) {
          await worker.stop();
          worker = undefined;
        }
      }
    } catch (error) {
      next = inputs.length; // the other lanes stop after their current task
      throw error;
    } finally {
      await worker?.stop();
    }
  };
  const size = Math.max(1, Math.min(options.size, inputs.length));
  const lanes = await Promise.allSettled(Array.from({ length: size }, lane));
  const failed = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes;
}
