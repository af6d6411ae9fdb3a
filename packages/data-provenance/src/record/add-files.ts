import { resolve } from 'node:path';
import { UsageError, parseLicenseExpression, type FileProblem, type LockedFile } from '@rai-audit/core';
import { hashFiles, type HashProgress } from '../hashing/hash-pool.js';
import { addToLedgerDocument, loadLedger, writeLedger } from '../ledger/ledger-file.js';
import { buildLock, sealDataset, serializeLock } from '../lock/lock-content.js';
import { readLock } from '../lock/lock-file.js';
import { withMutex } from '../lock/ledger-mutex.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { relativeInside, walkTracked } from '../walk/walk-tracked.js';
import { internalIgnores, provenancePaths } from './provenance-paths.js';

export interface AddFilesOptions {
  ledger: string;
  dataset: string;
  /** Files or folders, absolute or relative to `cwd`. */
  paths: readonly string[];
  cwd: string;
  ignore?: readonly string[];
  license?: string;
  source?: string;
  workers?: number;
  generatedBy: string;
  onProgress?: (progress: HashProgress) => void;
}

export interface AddFilesResult {
  dataset: string;
  files: number;
  bytes: number;
  digest: string | null;
  problems: FileProblem[];
}

function checkLicenseOption(license: string | undefined): string | undefined {
  if (license === undefined) return undefined;
  const parsed = parseLicenseExpression(license);
  if (parsed.ok) return parsed.expression;
  throw new UsageError(`--license: ${parsed.message}`, {
    hint: parsed.suggestion
      ? `did you mean "${parsed.suggestion}"?`
      : 'write an SPDX expression such as CC-BY-4.0',
  });
}

/**
 * `data add`: hashes files and folders into a dataset. Hashing happens first, outside the mutex; then, holding it,
 * the ledger and lock are read again, merged and written atomically, so concurrent runs lose nothing.
 */
export async function addFiles(options: AddFilesOptions): Promise<AddFilesResult> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(options.dataset)) {
    throw new UsageError(`--dataset "${options.dataset}" is not a dataset name`, {
      hint: 'use letters, digits, ".", "_" and "-", starting with a letter or digit',
    });
  }
  const license = checkLicenseOption(options.license);
  const paths = provenancePaths(options.ledger);
  const { ledger } = loadLedger(paths.ledger, { allowMissing: true });
  const existing = ledger.datasets.find((dataset) => dataset.name === options.dataset);
  const ignore = [...internalIgnores(paths), ...(existing?.ignore ?? []), ...(options.ignore ?? [])];
  const problems: FileProblem[] = [];
  const tracked: string[] = [];
  for (const given of options.paths) {
    const rel = relativeInside(paths.root, resolve(options.cwd, given));
    if (rel === undefined)
      problems.push({
        path: given,
        reason: 'outside-root',
        message: "the path is outside the ledger's folder",
      });
    else tracked.push(rel === '' ? '.' : rel);
  }
  const walk = walkTracked(paths.root, tracked, ignore);
  problems.push(...walk.problems);
  for (const missing of walk.missing)
    problems.push({ path: missing, reason: 'missing-path', message: 'no such file or folder' });
  const outcomes = await hashFiles(
    walk.files.map((file) => ({ path: file.absolute, size: file.size })),
    { workers: options.workers, onProgress: options.onProgress },
  );
  const recorded: Record<string, LockedFile> = {};
  walk.files.forEach((file, index) => {
    const outcome = outcomes[index];
    if (outcome?.ok)
      recorded[file.path] = { size: outcome.size, mtimeMs: outcome.mtimeMs, sha256: outcome.sha256 };
    else if (outcome) problems.push({ path: file.path, reason: outcome.reason, message: outcome.message });
  });
  const trackedHere = tracked.filter((path) => !walk.missing.includes(path));
  return withMutex(paths.lock, () => {
    const fresh = loadLedger(paths.ledger, { allowMissing: true });
    addToLedgerDocument(fresh.document, {
      name: options.dataset,
      paths: trackedHere,
      license,
      source: options.source,
    });
    const lock = readLock(paths.lock, options.generatedBy);
    const previous = lock.datasets[options.dataset];
    // Re-adding a folder replaces what was recorded under it: files deleted since are dropped, not kept stale.
    const under = (file: string): boolean =>
      trackedHere.some((path) => path === '.' || file === path || file.startsWith(`${path}/`));
    const files: Record<string, LockedFile> = Object.fromEntries(
      Object.entries(previous?.files ?? {}).filter(([file]) => !under(file)),
    );
    Object.assign(files, recorded);
    const dataset = sealDataset(
      files,
      (previous?.pending ?? []).filter((path) => !under(path)),
    );
    // Ledger first: killed between the two writes, the next verify reports the new files as added, nothing is lost.
    writeLedger(paths.ledger, fresh.document);
    writeFileAtomic(
      paths.lock,
      serializeLock(buildLock({ ...lock.datasets, [options.dataset]: dataset }, options.generatedBy)),
    );
    return {
      dataset: options.dataset,
      files: Object.keys(recorded).length,
      bytes: Object.values(recorded).reduce((sum, file) => sum + file.size, 0),
      digest: dataset.digest,
      problems,
    };
  });
}
