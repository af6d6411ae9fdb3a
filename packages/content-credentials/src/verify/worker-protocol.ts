import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from './worker-pool.js';

/**
 * The worker side of `runWorkerPool`: reports ready, then answers each task with `handle`'s output. `replace`
 * asks the pool to retire this worker after the answer (its state can no longer be trusted).
 */
export function serveWorkerTasks<I, O>(handle: (input: I) => Promise<{ output: O; replace: boolean }>): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerTasks must run in a worker thread');
  port.on('message', (message: { id: number; input: I }) => {
    void handle(message.input).then(({ output, replace }) => {
      const reply: WorkerReply = { id: message.id, output, replace };
      port.postMessage(reply);
    });
  });
  const ready: WorkerReply = { ready: true };
  port.postMessage(ready);
}
