/**
 * Entry of a verification worker thread (started by `verifyAssets`, never imported): initialises the C2PA
 * WebAssembly module once, then gathers the evidence of each asset it is given. A worker whose module trapped
 * asks to be replaced, since the module's memory may be corrupt.
 */
import { workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { c2paWasmTrapped, initC2paWasm } from '../c2pa/c2pa-wasm-runtime.js';
import {
  errorAssetResult,
  gatherAssetEvidence,
  type AssetTask,
  type EvidenceSettings,
} from './gather-asset-evidence.js';
import { serveWorkerTasks } from './worker-protocol.js';

const settings = workerData as EvidenceSettings;
// The pool already runs one asset per core; libvips threads inside each decode would only compete with it.
sharp.concurrency(1);
initC2paWasm();

serveWorkerTasks(async (task: AssetTask) => {
  try {
    return { output: await gatherAssetEvidence(task, settings), replace: c2paWasmTrapped() };
  } catch (error) {
    const message = `unexpected failure: ${(error as Error).message}`;
    return { output: errorAssetResult(task.path, 0, { reason: 'internal-error', message }), replace: true };
  }
});
