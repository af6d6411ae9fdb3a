import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileProblem } from '@rai-audit/core';
import { HASH_WORKER_SOURCE } from './hash-worker-source.js';

export interface HashJob {
  /** Absolute path to read. */
  path: string;
  /** Size from the walk, to balance batches and to show progress. */
  size: number;
  /** Also compute md5 (to check an entry imported from DVC). */
  md5?: boolean;
}

export type HashOutcome =
  | { ok: true; size: number; mtimeMs: number; sha256: string; md5?: string }
  | { ok: false; reason: FileProblem['reason']; message: string };

export interface HashProgress {
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
}

export interface HashOptions {
  /** Worker threads (default: the machine's available parallelism, at most 8). */
  workers?: number;
  onProgress?: (progress: HashProgress) => void;
}

// Small files travel in batches so that 20,000 of them cost a few hundred messages, not 40,000.
const BATCH_BYTES = 16 * 1024 * 1024;
const BATCH_FILES = 256;

function makeBatches(jobs: readonly HashJob[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  // Largest first, so that one big file does not start last and leave the other workers idle.
  const order = jobs.map((_, index) => index).sort((a, b) => (jobs[b]?.size ?? 0) - (jobs[a]?.size ?? 0));
  for (const index of order) {
    const size = jobs[index]?.size ?? 0;
    if (current.length > 0 && (bytes + size > BATCH_BYTES || current.length >= BATCH_FILES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

type WorkerMessage = { progress: number } | { id: number; results: Array<HashOutcome & { bytes?: number }> };

/** Hashes files with sha256 on worker threads, streaming each in 1 MiB chunks; results in the order of `jobs`. */
export async function hashFiles(jobs: readonly HashJob[], options: HashOptions = {}): Promise<HashOutcome[]> {
  const results: HashOutcome[] = new Array<HashOutcome>(jobs.length);
  if (jobs.length === 0) return results;
  const batches = makeBatches(jobs);
  const count = Math.max(1, Math.min(options.workers ?? Math.min(availableParallelism(), 8), batches.length));
  const progress: HashProgress = {
    bytesDone: 0,
    bytesTotal: jobs.reduce((sum, job) => sum + job.size, 0),
    filesDone: 0,
    filesTotal: jobs.length,
  };
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolvePool, rejectPool) => {
      let running = 0;
      const feed = (worker: Worker): void => {
        const batchId = next++;
        const batch = batches[batchId];
        if (!batch) {
          if (running === 0) resolvePool();
          return;
        }
        running++;
        worker.postMessage({
          id: batchId,
          jobs: batch.map((index) => ({ path: jobs[index]?.path, md5: jobs[index]?.md5 === true })),
        });
      };
      for (let i = 0; i < count; i++) {
        const worker = new Worker(HASH_WORKER_SOURCE, { eval: true });
        workers.push(worker);
        worker.on('error', rejectPool);
        worker.on('message', (message: WorkerMessage) => {
          if ('progress' in message) {
            progress.bytesDone += message.progress;
            options.onProgress?.({ ...progress });
            return;
          }
          running--;
          const batch = batches[message.id] ?? [];
          message.results.forEach((outcome, position) => {
            const index = batch[position] ?? 0;
            const { bytes, ...rest } = outcome as HashOutcome & { bytes?: number };
            results[index] = rest as HashOutcome;
            progress.bytesDone += bytes ?? 0;
            progress.filesDone++;
          });
          options.onProgress?.({ ...progress });
          feed(worker);
          if (running === 0 && next >= batches.length) resolvePool();
        });
      }
      for (const worker of workers) feed(worker);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
