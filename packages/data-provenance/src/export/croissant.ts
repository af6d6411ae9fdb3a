import { parseLicenseExpression, UsageError } from '@rai-audit/core';
import { datasetsWithFiles, mediaTypeOf, type ExportInput } from './export-input.js';

/** The Croissant 1.1 JSON-LD context, with the RAI and PROV prefixes. */
export const CROISSANT_CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  sc: 'https://schema.org/',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  dct: 'http://purl.org/dc/terms/',
  prov: 'http://www.w3.org/ns/prov#',
  citeAs: 'cr:citeAs',
  conformsTo: 'dct:conformsTo',
  containedIn: 'cr:containedIn',
  fileObject: 'cr:fileObject',
  fileSet: 'cr:fileSet',
  includes: 'cr:includes',
  isLiveDataset: 'cr:isLiveDataset',
  md5: 'cr:md5',
  recordSet: 'cr:recordSet',
} as const;

function licenseValue(expression: string | undefined, url: string | undefined): string | undefined {
  if (url) return url;
  if (!expression) return undefined;
  const parsed = parseLicenseExpression(expression);
  if (parsed.ok && parsed.ids.length === 1 && !parsed.ids[0]?.startsWith('LicenseRef-')) {
    return `https://spdx.org/licenses/${parsed.ids[0]}.html`;
  }
  return parsed.ok ? parsed.expression : expression;
}

function timeframe(start: string | undefined, end: string | undefined): string | undefined {
  if (!start && !end) return undefined;
  return `${start ?? '..'}/${end ?? '..'}`;
}

/** One dataset of the ledger as a Croissant 1.1 document with RAI fields and a real sha256 per FileObject. */
export function exportCroissant(input: ExportInput, datasetName?: string): Record<string, unknown> {
  const all = datasetsWithFiles(input);
  const names = all.map((entry) => entry.dataset.name);
  const chosen = datasetName
    ? all.find((entry) => entry.dataset.name === datasetName)
    : all.length === 1
      ? all[0]
      : undefined;
  if (!chosen) {
    throw new UsageError(
      datasetName
        ? `no dataset "${datasetName}" in the ledger`
        : 'a Croissant document describes one dataset',
      {
        hint: `name one with --dataset: ${names.join(', ') || '(the ledger has none)'}`,
      },
    );
  }
  const { dataset, files } = chosen;
  const source = dataset.sources[0];
  const personal = dataset.personalData;
  const doc: Record<string, unknown> = {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: 'http://mlcommons.org/croissant/1.1',
    name: dataset.name,
    description: dataset.description ?? dataset.name,
    license: licenseValue(dataset.license, dataset.licenseUrl),
    url: source?.url,
    creator: source?.creator ? { '@type': 'sc:Organization', name: source.creator } : undefined,
    publisher: source?.publisher ? { '@type': 'sc:Organization', name: source.publisher } : undefined,
    dateCreated: dataset.collection?.end ?? dataset.collection?.start,
    datePublished: source?.retrieved,
    sdDatePublished: input.createdAt,
    'rai:dataCollection': dataset.collection?.method,
    'rai:dataCollectionTimeframe': timeframe(dataset.collection?.start, dataset.collection?.end),
    'rai:personalSensitiveInformation': personal
      ? [`personal data: ${personal.present}`, ...personal.categories, ...personal.sensitive]
      : undefined,
    'rai:dataBiases': dataset.biases.length ? dataset.biases : undefined,
    'rai:dataLimitations': dataset.limitations.length ? dataset.limitations : undefined,
    'rai:dataUseCases': dataset.intendedUses.length ? dataset.intendedUses : undefined,
    'rai:dataPreprocessingProtocol': dataset.lineage?.transformation,
    'prov:wasDerivedFrom': dataset.lineage?.derivedFrom.length
      ? dataset.lineage.derivedFrom.map((name) => ({ '@id': name }))
      : undefined,
    distribution: files.map((file) => ({
      '@type': 'cr:FileObject',
      '@id': file.path,
      name: file.path,
      contentUrl: file.path,
      contentSize: `${file.size} B`,
      encodingFormat: mediaTypeOf(file.path),
      ...(file.sha256 ? { sha256: file.sha256 } : {}),
      ...(file.md5 ? { md5: file.md5 } : {}),
    })),
  };
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined));
}
