import { closeSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** What `rai-audit init` found in the repository, with paths relative to its folder. */
export interface RepositoryScan {
  dataFiles: Array<{ path: string; columns: string[] }>;
  cards: string[];
  ledgers: string[];
  assetFolders: Array<{ path: string; count: number }>;
}

const SKIPPED = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  'reports',
  'coverage',
  '.venv',
  'venv',
  '__pycache__',
]);
const DATA = /\.(csv|tsv|parquet|ndjson|jsonl)$/i;
const MEDIA = /\.(png|jpe?g|webp|avif|heic|gif|tiff?|mp4|mov|wav|mp3|flac|m4a)$/i;
const CARD = /^(model-card|model_card|modelcard)\.(ya?ml|json)$/i;
const LEDGER = /^provenance\.ya?ml$/i;
const MAX_DEPTH = 4;
const MAX_ENTRIES = 20_000;

/** The header of a CSV/TSV file (first line, at most 64 KiB read), as column names. */
export function readHeader(file: string): string[] {
  if (!/\.(csv|tsv)$/i.test(file)) return [];
  const buffer = Buffer.alloc(65_536);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const first = buffer.subarray(0, length).toString('utf8').split(/\r?\n/)[0] ?? '';
    const separator = file.toLowerCase().endsWith('.tsv') ? '\t' : ',';
    return first
      .split(separator)
      .map((name) => name.trim().replace(/^"|"$/g, ''))
      .filter(Boolean);
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Walks the repository (a few levels deep, skipping dependencies and build output) for what a config can name. */
export async function scanRepository(root: string): Promise<RepositoryScan> {
  const scan: RepositoryScan = { dataFiles: [], cards: [], ledgers: [], assetFolders: [] };
  let seen = 0;
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    let media = 0;
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      const path = join(dir, entry.name);
      const shown = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.') && depth < MAX_DEPTH)
          await visit(path, depth + 1);
      } else if (entry.isFile()) {
        if (CARD.test(entry.name)) scan.cards.push(shown);
        else if (LEDGER.test(entry.name)) scan.ledgers.push(shown);
        else if (DATA.test(entry.name)) scan.dataFiles.push({ path: shown, columns: readHeader(path) });
        else if (MEDIA.test(entry.name)) media += 1;
      }
    }
    if (media > 0 && dir !== root)
      scan.assetFolders.push({ path: relative(root, dir).split(sep).join('/'), count: media });
  };
  await visit(root, 0);
  return scan;
}
