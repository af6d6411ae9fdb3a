import type { DatasetDrift, LockedDataset, ProvenanceLedger, ProvenanceLock } from '@rai-audit/core';
import { hashFiles, type HashOutcome, type HashProgress } from '../hashing/hash-pool.js';
import { loadLedger } from '../ledger/ledger-file.js';
import { buildLock, sealDataset, serializeLock } from '../lock/lock-content.js';
import { readLock } from '../lock/lock-file.js';
import { withMutex } from '../lock/ledger-mutex.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { internalIgnores, provenancePaths } from '../record/provenance-paths.js';
import { walkTracked, type WalkedFile } from '../walk/walk-tracked.js';
import { compareDataset, planHashing } from './compare-files.js';

export interface VerifyOptions {
  ledger: string;
  /** Read every byte instead of trusting size and mtime. */
  full?: boolean;
  /** Accept the files as they are now: rewrite the lock from them (a hand-edited or stale lock is rebuilt). */
  update?: boolean;
  /** Never write the lock (CI on a fresh checkout, a committed fixture): md5 upgrades and mtimes stay unrecorded. */
  frozen?: boolean;
  workers?: number;
  generatedBy: string;
  onProgress?: (progress: HashProgress) => void;
}

export interface VerifiedDataset {
  name: string;
  drift: DatasetDrift;
  locked: LockedDataset | undefined;
}

export interface VerifyResult {
  ledger: ProvenanceLedger;
  lock: ProvenanceLock;
  datasets: VerifiedDataset[];
  /** True when the lock was rewritten (md5 entries upgraded to sha256, mtimes refreshed, or --update). */
  lockWritten: boolean;
}

interface Planned {
  name: string;
  locked: LockedDataset | undefined;
  seen: WalkedFile[];
  problems: ReturnType<typeof walkTracked>['problems'];
  toHash: WalkedFile[];
}

/**
 * `data verify`: walks every dataset's tracked paths, hashes what the size/mtime cache cannot vouch for (or
 * everything with `full`), and reports per dataset the files changed, missing and added.
 */
export async function verifyDatasets(options: VerifyOptions): Promise<VerifyResult> {
  const paths = provenancePaths(options.ledger);
  const { ledger } = loadLedger(paths.ledger);
  const lock = options.update ? undefined : readLock(paths.lock, options.generatedBy);
  const lockDatasets = lock?.datasets ?? {};
  const planned: Planned[] = ledger.datasets.map((dataset) => {
    const walk = walkTracked(paths.root, dataset.paths, [...internalIgnores(paths), ...dataset.ignore]);
    const locked = lockDatasets[dataset.name];
    const byPath = new Map(walk.files.map((file) => [file.path, file]));
    const plan = planHashing(locked, walk.files, {
      full: options.full === true,
      hashNew: options.update === true,
    });
    return {
      name: dataset.name,
      locked,
      seen: walk.files,
      problems: walk.problems,
      toHash: plan.hash.map((f) => byPath.get(f.path) as WalkedFile),
    };
  });
  const jobs = planned.flatMap((plan) =>
    plan.toHash.map((file) => ({
      path: file.absolute,
      size: file.size,
      md5: plan.locked?.files[file.path]?.sha256 === null,
    })),
  );
  const outcomes = await hashFiles(jobs, { workers: options.workers, onProgress: options.onProgress });
  let cursor = 0;
  const nextDatasets: Record<string, LockedDataset> = { ...lockDatasets };
  let changed = options.update === true;
  const refreshedNames: string[] = [];
  const datasets = planned.map((plan): VerifiedDataset => {
    const hashed = new Map<string, HashOutcome>();
    for (const file of plan.toHash) hashed.set(file.path, outcomes[cursor++] as HashOutcome);
    const comparison = compareDataset(plan.locked, plan.seen, hashed, plan.problems);
    if (options.update) nextDatasets[plan.name] = sealDataset(comparison.current);
    else if (comparison.refreshedChanged && plan.locked) {
      nextDatasets[plan.name] = sealDataset(comparison.refreshed, []);
      refreshedNames.push(plan.name);
      changed = true;
    }
    if (!options.update) return { name: plan.name, drift: comparison.drift, locked: plan.locked };
    // --update accepts the files as they are: against the rebuilt lock nothing has drifted; problems remain.
    const drift: DatasetDrift = { ...comparison.drift, changed: [], missing: [], added: [] };
    drift.status = drift.problems.length > 0 ? 'error' : 'unchanged';
    return { name: plan.name, drift, locked: nextDatasets[plan.name] };
  });
  const next = buildLock(nextDatasets, options.generatedBy);
  if (changed && !options.frozen) {
    await withMutex(paths.lock, () => {
      // Another run may have written meanwhile: keep its datasets, replace only what this verify refreshed.
      const latest = options.update ? undefined : readLock(paths.lock, options.generatedBy);
      const merged = latest
        ? buildLock({ ...latest.datasets, ...pick(next.datasets, refreshedNames) }, options.generatedBy)
        : next;
      writeFileAtomic(paths.lock, serializeLock(merged));
    });
  }
  return { ledger, lock: next, datasets, lockWritten: changed && !options.frozen };
}

function pick(datasets: ProvenanceLock['datasets'], names: readonly string[]): ProvenanceLock['datasets'] {
  return Object.fromEntries(
    names.filter((name) => datasets[name]).map((name) => [name, datasets[name] as LockedDataset]),
  );
}
