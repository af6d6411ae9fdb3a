import { createHash } from 'node:crypto';
import type { LockedDataset, LockedFile, ProvenanceLock } from '@rai-audit/core';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The integrity value of a lock's datasets: sha256 of their JSON exactly as written (JSON.parse keeps key order, so
 * reading gives back the same text). A hand edit, even a reordering, changes the content but not this value.
 */
export function lockIntegrity(datasets: unknown): string {
  return `sha256-${sha256(JSON.stringify(datasets))}`;
}

/**
 * The digest of a dataset: sha256 over its files as `sha256sum` lists them (`<sha256>  <path>\n`, sorted by path),
 * so `sha256sum -c` style tools can recompute it; null while a file is known only by an imported md5.
 */
export function datasetDigest(files: Readonly<Record<string, LockedFile>>): string | null {
  const paths = Object.keys(files).sort();
  const lines: string[] = [];
  for (const path of paths) {
    const hash = files[path]?.sha256;
    if (!hash) return null;
    lines.push(`${hash}  ${path}\n`);
  }
  return sha256(lines.join(''));
}

function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key] as T]),
  );
}

/** A locked dataset with its files sorted and its digest recomputed. */
export function sealDataset(
  files: Readonly<Record<string, LockedFile>>,
  pending: readonly string[] = [],
): LockedDataset {
  const sorted = sortedRecord(files);
  return { digest: datasetDigest(sorted), files: sorted, pending: [...new Set(pending)].sort() };
}

/** A whole lock, datasets sorted by name, with its integrity value. */
export function buildLock(
  datasets: Readonly<Record<string, LockedDataset>>,
  generatedBy: string,
): ProvenanceLock {
  const sorted = sortedRecord(datasets);
  return { lockVersion: 1, generatedBy, datasets: sorted, integrity: lockIntegrity(sorted) };
}

/** The lock file's text: two-space JSON and a final newline, so that diffs in review stay readable. */
export function serializeLock(lock: ProvenanceLock): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

export function emptyLock(generatedBy: string): ProvenanceLock {
  return buildLock({}, generatedBy);
}
