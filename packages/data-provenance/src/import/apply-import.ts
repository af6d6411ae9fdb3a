import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { LockedFile } from '@rai-audit/core';
import { addToLedgerDocument, loadLedger, writeLedger } from '../ledger/ledger-file.js';
import { buildLock, sealDataset, serializeLock } from '../lock/lock-content.js';
import { readLock } from '../lock/lock-file.js';
import { withMutex } from '../lock/ledger-mutex.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { provenancePaths } from '../record/provenance-paths.js';
import type { ImportResult } from './imported.js';

const COPIED_FIELDS = ['description', 'licenseText', 'licenseUrl', 'sources', 'lineage'] as const;

/** Merges imported datasets into the ledger and the lock (under the mutex, both written atomically). */
export async function applyImport(
  ledgerPath: string,
  imported: ImportResult,
  generatedBy: string,
): Promise<string[]> {
  const paths = provenancePaths(ledgerPath);
  return withMutex(paths.lock, () => {
    const { document } = loadLedger(paths.ledger, { allowMissing: true });
    const lock = readLock(paths.lock, generatedBy);
    const datasets = { ...lock.datasets };
    for (const { dataset, files, pending } of imported.datasets) {
      addToLedgerDocument(document, { name: dataset.name, paths: dataset.paths, license: dataset.license });
      const seq = document.get('datasets', true);
      const entry = isSeq(seq)
        ? (seq.items.find((item) => isMap(item) && item.get('name') === dataset.name) as YAMLMap | undefined)
        : undefined;
      for (const field of COPIED_FIELDS) {
        const value = dataset[field];
        if (
          entry &&
          value !== undefined &&
          !(Array.isArray(value) && value.length === 0) &&
          !entry.has(field)
        ) {
          entry.set(field, document.createNode(value));
        }
      }
      const previous = datasets[dataset.name];
      const merged: Record<string, LockedFile> = { ...(previous?.files ?? {}), ...files };
      datasets[dataset.name] = sealDataset(merged, [...(previous?.pending ?? []), ...pending]);
    }
    writeLedger(paths.ledger, document);
    writeFileAtomic(paths.lock, serializeLock(buildLock(datasets, generatedBy)));
    return imported.datasets.map((d) => d.dataset.name);
  });
}
