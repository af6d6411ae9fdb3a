import { readFileSync } from 'node:fs';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  type YAMLMap,
  type YAMLSeq,
  type Document as YamlDocument,
} from 'yaml';
import { InputError, type ProvenanceLedger } from '@rai-audit/core';
import { writeFileAtomic } from '../files/atomic-write.js';
import { formatLedgerIssues, validateLedger } from './validate-ledger.js';

export interface LoadedLedger {
  path: string;
  ledger: ProvenanceLedger;
  document: YamlDocument;
}

/** Reads and validates provenance.yaml; every problem is reported at once with its line and column (exit 3). */
export function loadLedger(path: string, options: { allowMissing?: boolean } = {}): LoadedLedger {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.allowMissing) {
      const document = new Document({ version: 1, datasets: [] });
      return { path, ledger: { version: 1, datasets: [] }, document };
    }
    throw new InputError('cannot read the provenance ledger', {
      file: path,
      hint: 'create one with `rai-audit data add PATH --dataset NAME`, or pass --ledger FILE',
      cause: error,
    });
  }
  const result = validateLedger(text);
  if ('issues' in result) {
    const first = result.issues[0];
    throw new InputError(
      result.issues.length === 1 ? (first?.message ?? 'invalid ledger') : `${result.issues.length} problems`,
      {
        file: path,
        ...(result.issues.length === 1 ? {} : { lines: formatLedgerIssues(path, result.issues).split('\n') }),
        location:
          result.issues.length === 1 && first
            ? `${first.line ?? '?'}:${first.column ?? '?'} ${first.path}`
            : undefined,
        hint: result.issues.length === 1 ? first?.hint : 'the ledger was left as it is',
      },
    );
  }
  return { path, ledger: result.value, document: result.document };
}

export interface DatasetAddition {
  name: string;
  paths: readonly string[];
  license?: string;
  source?: string;
}

/** The sequence at `key` of a map, created when absent. */
function seqAt(document: YamlDocument, map: YAMLMap | YamlDocument, key: string): YAMLSeq {
  const node: unknown = map.get(key, true);
  if (isSeq(node)) return node;
  const created = document.createNode([]) as YAMLSeq;
  map.set(key, created);
  return created;
}

/** Adds a dataset (or paths, a licence, a source to an existing one) to the YAML document, keeping its comments. */
export function addToLedgerDocument(document: YamlDocument, addition: DatasetAddition): void {
  const datasets = seqAt(document, document, 'datasets');
  let entry = datasets.items.find((item) => isMap(item) && item.get('name') === addition.name) as
    YAMLMap | undefined;
  if (!entry) {
    entry = document.createNode({ name: addition.name, paths: [] }) as YAMLMap;
    datasets.items.push(entry);
  }
  const paths = seqAt(document, entry, 'paths');
  const known = new Set(paths.items.map((item) => String(isScalar(item) ? item.value : item)));
  for (const path of addition.paths) if (!known.has(path)) paths.items.push(document.createNode(path));
  if (addition.license !== undefined) entry.set('license', addition.license);
  if (addition.source !== undefined) {
    const sources = seqAt(document, entry, 'sources');
    const urls = sources.items.map((item) => (isMap(item) ? item.get('url') : undefined));
    if (!urls.includes(addition.source)) sources.items.push(document.createNode({ url: addition.source }));
  }
}

/** Writes the ledger atomically. */
export function writeLedger(path: string, document: YamlDocument): void {
  writeFileAtomic(path, document.toString({ lineWidth: 0, flowCollectionPadding: false }));
}
