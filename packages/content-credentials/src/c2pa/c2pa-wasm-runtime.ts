import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, WasmReader } from '@contentauth/c2pa-wasm';
import { InternalError } from '@rai-audit/core';
import { isWasmTrap } from './reader-errors.js';

// Module state is per thread: each worker thread that imports this file initialises its own instance.
let initialised = false;
let trapped = false;
let readQueue: Promise<unknown> = Promise.resolve();

/** Instantiates the c2pa WebAssembly module once per thread (about 0.1 s); later calls return at once. */
export function initC2paWasm(): void {
  if (initialised) return;
  const require = createRequire(import.meta.url);
  let wasmPath = '@contentauth/c2pa-wasm/c2pa.wasm';
  try {
    wasmPath = require.resolve(wasmPath);
    initSync({ module: readFileSync(wasmPath) });
  } catch (error) {
    throw new InternalError(`cannot initialise the C2PA WebAssembly module: ${(error as Error).message}`, {
      file: wasmPath,
      hint: 'reinstall @contentauth/c2pa-wasm (the .wasm file ships inside the package)',
      cause: error,
    });
  }
  initialised = true;
}

/** True once the module has trapped (a Rust panic); its state may be corrupt, so the thread should be replaced. */
export function c2paWasmTrapped(): boolean {
  return trapped;
}

/**
 * A `Date` that reads `at` whenever the current time is asked for (`new Date()`, `Date.now()`, `Date()`), and
 * behaves as the real one otherwise. c2pa-rs compiled to wasm32 takes the clock from JavaScript's `Date`, and
 * its settings have no validation-time option, so this is how a read is made "as of" a given time.
 */
function fixedClock(realDate: DateConstructor, at: number): DateConstructor {
  return new Proxy(realDate, {
    construct: (target, args, newTarget) =>
      args.length === 0
        ? Reflect.construct(target, [at], newTarget)
        : Reflect.construct(target, args, newTarget),
    apply: () => new realDate(at).toString(),
    get: (target, property, receiver) =>
      property === 'now' ? () => at : (Reflect.get(target, property, receiver) as unknown),
  });
}

async function readWithClock(
  mediaType: string,
  bytes: Uint8Array,
  context: string,
  at?: Date,
): Promise<string> {
  const realDate = globalThis.Date;
  if (at) globalThis.Date = fixedClock(realDate, at.getTime());
  try {
    const reader = await WasmReader.fromBytes(mediaType, bytes, context);
    try {
      return reader.json();
    } finally {
      reader.free();
    }
  } catch (error) {
    if (isWasmTrap(error)) trapped = true;
    throw error;
  } finally {
    globalThis.Date = realDate;
  }
}

/**
 * The manifest store of `bytes` as JSON text (c2pa-rs `Reader::json`), or the library's error thrown as is.
 * Reads on a thread run one at a time: the module is single-threaded anyway, and a read made as of `at` swaps
 * the global clock, which must not leak into another read. A read completes within one microtask checkpoint
 * (no timer or I/O callback runs meanwhile), so only promise callbacks queued by other code can see the clock.
 */
export function readManifestStoreJson(
  mediaType: string,
  bytes: Uint8Array,
  context: string,
  at?: Date,
): Promise<string> {
  initC2paWasm();
  const run = (): Promise<string> => readWithClock(mediaType, bytes, context, at);
  const result = readQueue.then(run, run);
  readQueue = result.catch(() => undefined);
  return result;
}
