import type { LedgerDataset, LockedDataset, ProvenanceLedger, ProvenanceLock } from '@rai-audit/core';

/** What every exporter reads: the ledger, its lock, and the time and tool to stamp the document with. */
export interface ExportInput {
  ledger: ProvenanceLedger;
  lock: ProvenanceLock;
  /** ISO 8601; injected so that the same inputs give the same bytes. */
  createdAt: string;
  tool: string;
}

export interface DatasetWithFiles {
  dataset: LedgerDataset;
  locked: LockedDataset | undefined;
  files: Array<{ path: string; size: number; sha256: string | null; md5?: string }>;
}

export function datasetsWithFiles(input: ExportInput): DatasetWithFiles[] {
  return input.ledger.datasets.map((dataset) => {
    const locked = input.lock.datasets[dataset.name];
    const files = Object.entries(locked?.files ?? {}).map(([path, file]) => ({
      path,
      size: file.size,
      sha256: file.sha256,
      ...(file.md5 ? { md5: file.md5 } : {}),
    }));
    return { dataset, locked, files };
  });
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  jsonl: 'application/jsonlines',
  ndjson: 'application/x-ndjson',
  parquet: 'application/x-parquet',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
  gz: 'application/gzip',
};

/** Media type from the file name: exports describe files, they do not sniff them. */
export function mediaTypeOf(path: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return MEDIA_TYPES[extension] ?? 'application/octet-stream';
}
