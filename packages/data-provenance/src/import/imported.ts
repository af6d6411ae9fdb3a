import type { LedgerDataset, LockedFile } from '@rai-audit/core';

/** A problem found in imported metadata: reported, never silently dropped. */
export interface ImportFinding {
  file: string;
  dataset: string;
  code:
    | 'placeholder-hash'
    | 'missing-hash'
    | 'missing-license'
    | 'license-not-spdx'
    | 'missing-date'
    | 'remote-file'
    | 'directory-pending';
  message: string;
}

/** A dataset read from foreign metadata: ledger fields, lock entries (by path relative to the ledger), findings. */
export interface ImportedDataset {
  dataset: Partial<LedgerDataset> & { name: string; paths: string[] };
  files: Record<string, LockedFile>;
  pending: string[];
}

export interface ImportResult {
  datasets: ImportedDataset[];
  findings: ImportFinding[];
}

/** A name the ledger accepts (letters, digits, ".", "_", "-"). */
export function ledgerName(text: string): string {
  const cleaned = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '');
  return cleaned || 'imported';
}
