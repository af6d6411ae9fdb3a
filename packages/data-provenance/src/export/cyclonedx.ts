import { createHash } from 'node:crypto';
import { parseLicenseExpression } from '@rai-audit/core';
import { datasetsWithFiles, type DatasetWithFiles, type ExportInput } from './export-input.js';

/** A stable UUID (v4 layout) from the ledger's content, so that the same ledger gives the same serial number. */
function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function licenses(expression: string | undefined): Array<Record<string, string>> | undefined {
  if (!expression) return undefined;
  const parsed = parseLicenseExpression(expression);
  return parsed.ok ? [{ expression: parsed.expression }] : undefined;
}

function component({ dataset, locked, files }: DatasetWithFiles): Record<string, unknown> {
  const personal = dataset.personalData;
  return Object.fromEntries(
    Object.entries({
      type: 'data',
      'bom-ref': `dataset:${dataset.name}`,
      name: dataset.name,
      description: dataset.description,
      hashes: locked?.digest ? [{ alg: 'SHA-256', content: locked.digest }] : undefined,
      licenses: licenses(dataset.license),
      externalReferences: dataset.sources
        .filter((source) => source.url)
        .map((source) => ({ type: 'distribution', url: source.url })),
      pedigree: dataset.lineage?.derivedFrom.length
        ? {
            ancestors: dataset.lineage.derivedFrom.map((name) => ({
              type: 'data',
              'bom-ref': `ancestor:${dataset.name}:${name}`,
              name,
            })),
            ...(dataset.lineage.transformation ? { notes: dataset.lineage.transformation } : {}),
          }
        : undefined,
      data: [
        Object.fromEntries(
          Object.entries({
            type: 'dataset',
            name: dataset.name,
            contents: dataset.sources[0]?.url ? { url: dataset.sources[0].url } : undefined,
            classification: personal ? `personal data: ${personal.present}` : undefined,
            sensitiveData: personal?.sensitive.length ? personal.sensitive : undefined,
            description: dataset.collection?.method,
          }).filter(([, v]) => v !== undefined),
        ),
      ],
      components: files
        .filter((file) => file.sha256)
        .map((file) => ({
          type: 'file',
          'bom-ref': `file:${dataset.name}:${file.path}`,
          name: file.path,
          hashes: [{ alg: 'SHA-256', content: file.sha256 }],
        })),
      properties: [
        { name: 'rai-audit:training-permission', value: dataset.trainingPermission?.status ?? 'unknown' },
        { name: 'rai-audit:file-count', value: String(files.length) },
        ...dataset.usedFor.map((use) => ({ name: 'rai-audit:used-for', value: use })),
      ],
    }).filter(([, v]) => v !== undefined),
  );
}

/** The ledger as a CycloneDX 1.6 BOM: one `data` component per dataset, its files as `file` components. */
export function exportCycloneDx(input: ExportInput): Record<string, unknown> {
  const datasets = datasetsWithFiles(input);
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${stableUuid(input.lock.integrity)}`,
    version: 1,
    metadata: {
      timestamp: input.createdAt,
      tools: {
        components: [
          { type: 'application', name: 'rai-audit', version: input.tool.replace(/^rai-audit /, '') },
        ],
      },
    },
    components: datasets.map(component),
  };
}
