import { posix } from 'node:path';
import { parse } from 'yaml';
import { ledgerName, type ImportFinding, type ImportResult, type ImportedDataset } from './imported.js';

interface DvcOut {
  path?: string;
  md5?: string;
  size?: number;
  nfiles?: number;
}

/** Paths in DVC files are relative to the DVC file; the ledger's are relative to the ledger's folder. */
function toLedgerPath(dvcDir: string, path: string): string {
  return posix.normalize(posix.join(dvcDir, path)).replace(/\/$/, '');
}

function outsToDataset(
  name: string,
  outs: readonly DvcOut[],
  dvcDir: string,
  file: string,
  findings: ImportFinding[],
): ImportedDataset {
  const imported: ImportedDataset = { dataset: { name, paths: [] }, files: {}, pending: [] };
  for (const out of outs) {
    if (!out.path) continue;
    const path = toLedgerPath(dvcDir, out.path);
    imported.dataset.paths.push(path);
    if (out.md5?.endsWith('.dir')) {
      imported.pending.push(path);
      findings.push({
        file,
        dataset: name,
        code: 'directory-pending',
        message: `${path} is a DVC folder (${out.nfiles ?? '?'} files): its files are listed and hashed on the next verify`,
      });
    } else if (out.md5 && /^[0-9a-f]{32}$/.test(out.md5)) {
      // DVC's md5 is kept as such; the next verify checks it and adds the sha256.
      imported.files[path] = { size: out.size ?? 0, mtimeMs: 0, sha256: null, md5: out.md5 };
    } else findings.push({ file, dataset: name, code: 'missing-hash', message: `${path} has no md5` });
  }
  return imported;
}

/**
 * Reads a DVC `.dvc` file (one dataset, named after the file) or a `dvc.lock` (one dataset per stage, its outputs,
 * with the command as the transformation). `dvcDir` is the DVC file's folder relative to the ledger's.
 */
export function importDvc(text: string, file: string, dvcDir: string): ImportResult {
  const doc = (parse(text) ?? {}) as {
    outs?: DvcOut[];
    stages?: Record<string, { cmd?: string | string[]; outs?: DvcOut[]; deps?: DvcOut[] }>;
  };
  const findings: ImportFinding[] = [];
  if (doc.stages) {
    const datasets = Object.entries(doc.stages)
      .filter(([, stage]) => (stage.outs ?? []).length > 0)
      .map(([stageName, stage]) => {
        const imported = outsToDataset(ledgerName(stageName), stage.outs ?? [], dvcDir, file, findings);
        const cmd = Array.isArray(stage.cmd) ? stage.cmd.join(' && ') : stage.cmd;
        const inputs = (stage.deps ?? []).map((dep) => dep.path).filter((p): p is string => !!p);
        imported.dataset.lineage = {
          derivedFrom: [],
          ...(cmd
            ? { transformation: `${cmd}${inputs.length ? ` (inputs: ${inputs.join(', ')})` : ''}` }
            : {}),
          tool: 'dvc',
        };
        return imported;
      });
    return { datasets, findings };
  }
  const base = posix.basename(file).replace(/\.dvc$/, '');
  return { datasets: [outsToDataset(ledgerName(base), doc.outs ?? [], dvcDir, file, findings)], findings };
}
