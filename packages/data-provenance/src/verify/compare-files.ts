import type { DatasetDrift, FileProblem, LockedDataset, LockedFile } from '@rai-audit/core';
import type { HashOutcome } from '../hashing/hash-pool.js';

export interface SeenFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** What to do with each file found on disk: trust the cache, hash it, or nothing (not in the lock). */
export function planHashing(
  locked: LockedDataset | undefined,
  seen: readonly SeenFile[],
  options: { full: boolean; hashNew: boolean },
): { hash: SeenFile[]; cached: SeenFile[] } {
  const hash: SeenFile[] = [];
  const cached: SeenFile[] = [];
  for (const file of seen) {
    const entry = locked?.files[file.path];
    if (!entry) {
      if (options.hashNew || isPending(locked, file.path)) hash.push(file);
    } else if (!options.full && entry.sha256 && entry.size === file.size && entry.mtimeMs === file.mtimeMs) {
      cached.push(file);
    } else hash.push(file);
  }
  return { hash, cached };
}

/** True when the file lies under a folder imported from DVC whose files are listed on this verify. */
export function isPending(locked: LockedDataset | undefined, path: string): boolean {
  return (locked?.pending ?? []).some((folder) => path === folder || path.startsWith(`${folder}/`));
}

export interface Comparison {
  drift: DatasetDrift;
  /** The dataset's files as they are on disk now (for --update and for md5 → sha256 upgrades). */
  current: Record<string, LockedFile>;
  /** The lock's files with upgrades and mtime refreshes applied, drift left as recorded. */
  refreshed: Record<string, LockedFile>;
  /** True when `refreshed` differs from the lock (upgrades, refreshed mtimes, pending folders listed). */
  refreshedChanged: boolean;
}

/**
 * Compares a locked dataset with the files found now. `hashed` holds an outcome for every file of `plan.hash`;
 * every other file seen was trusted from size and mtime. Pure: the adapters walk and hash, this decides.
 */
export function compareDataset(
  locked: LockedDataset | undefined,
  seen: readonly SeenFile[],
  hashed: ReadonlyMap<string, HashOutcome>,
  walkProblems: readonly FileProblem[],
): Comparison {
  const drift: DatasetDrift = {
    status: 'unchanged',
    changed: [],
    missing: [],
    added: [],
    problems: [...walkProblems],
    fromCache: 0,
    hashed: hashed.size,
    upgraded: 0,
  };
  const current: Record<string, LockedFile> = {};
  const refreshed: Record<string, LockedFile> = { ...(locked?.files ?? {}) };
  let refreshedChanged = false;
  const seenPaths = new Set(seen.map((file) => file.path));
  for (const file of seen) {
    const entry = locked?.files[file.path];
    const outcome = hashed.get(file.path);
    if (!outcome) {
      if (entry) {
        drift.fromCache++;
        current[file.path] = entry;
      } else drift.added.push(file.path);
      continue;
    }
    if (!outcome.ok) {
      drift.problems.push({ path: file.path, reason: outcome.reason, message: outcome.message });
      if (entry) current[file.path] = entry;
      continue;
    }
    const now: LockedFile = { size: outcome.size, mtimeMs: outcome.mtimeMs, sha256: outcome.sha256 };
    current[file.path] = now;
    if (!entry) {
      if (isPending(locked, file.path)) {
        refreshed[file.path] = now;
        refreshedChanged = true;
        drift.upgraded++;
      } else drift.added.push(file.path);
    } else if (entry.sha256 === null) {
      if (entry.md5 !== undefined && entry.md5 === outcome.md5) {
        refreshed[file.path] = { ...now, md5: entry.md5 };
        current[file.path] = refreshed[file.path] as LockedFile;
        refreshedChanged = true;
        drift.upgraded++;
      } else drift.changed.push(file.path);
    } else if (entry.sha256 !== outcome.sha256 || (entry.mtimeMs !== 0 && entry.size !== outcome.size)) {
      drift.changed.push(file.path);
    } else if (entry.mtimeMs === 0) {
      // Imported with a hash but no size or mtime (Croissant): now checked, recorded with both.
      refreshed[file.path] = now;
      refreshedChanged = true;
      drift.upgraded++;
    } else if (entry.mtimeMs !== outcome.mtimeMs) {
      // Same bytes, new mtime (a checkout, a copy): refresh the cache so the next verify trusts it again.
      refreshed[file.path] = { ...entry, mtimeMs: outcome.mtimeMs };
      refreshedChanged = true;
    }
  }
  for (const path of Object.keys(locked?.files ?? {})) if (!seenPaths.has(path)) drift.missing.push(path);
  drift.changed.sort();
  drift.added.sort();
  drift.missing.sort();
  if (!locked) drift.status = 'not-locked';
  else if (drift.changed.length + drift.missing.length + drift.added.length > 0) drift.status = 'drifted';
  else if (drift.problems.length > 0) drift.status = 'error';
  return { drift, current, refreshed, refreshedChanged };
}
