import { dirname, join, resolve } from 'node:path';

export const LOCK_FILE_NAME = 'provenance.lock.json';

/** The ledger, its lock (beside it) and the root every recorded path is relative to (the ledger's folder). */
export interface ProvenancePaths {
  ledger: string;
  lock: string;
  root: string;
}

export function provenancePaths(ledger: string): ProvenancePaths {
  const absolute = resolve(ledger);
  return { ledger: absolute, lock: join(dirname(absolute), LOCK_FILE_NAME), root: dirname(absolute) };
}

/** The ledger, the lock and their temporary and mutex files are never data, even when a dataset tracks `.`. */
export function internalIgnores(paths: ProvenancePaths): string[] {
  const ledgerName = paths.ledger.slice(paths.root.length + 1);
  return [
    ledgerName,
    `.${ledgerName}.*.tmp`,
    LOCK_FILE_NAME,
    `.${LOCK_FILE_NAME}.*.tmp`,
    `${LOCK_FILE_NAME}.mutex`,
  ];
}
