import { createHash } from 'node:crypto';
import { parseLicenseExpression } from '@rai-audit/core';
import { datasetsWithFiles, type ExportInput } from './export-input.js';

const PERSONAL: Readonly<Record<string, string>> = { yes: 'yes', no: 'no', unknown: 'noAssertion' };

/** The ledger as an SPDX 3.0.1 document: a dataset package per dataset, its files, licences and lineage. */
export function exportSpdx(input: ExportInput): Record<string, unknown> {
  const base = `https://rai-audit.invalid/spdx/${createHash('sha256').update(input.lock.integrity).digest('hex').slice(0, 16)}`;
  const id = (kind: string, name: string): string => `${base}/${kind}/${encodeURIComponent(name)}`;
  const creation = '_:creationinfo';
  const tool = id('tool', 'rai-audit');
  const graph: Array<Record<string, unknown>> = [
    {
      type: 'CreationInfo',
      '@id': creation,
      specVersion: '3.0.1',
      createdBy: [id('agent', 'rai-audit')],
      createdUsing: [tool],
      created: input.createdAt.replace(/\.\d+Z$/, 'Z'),
    },
    { type: 'SoftwareAgent', spdxId: id('agent', 'rai-audit'), creationInfo: creation, name: 'rai-audit' },
    { type: 'Tool', spdxId: tool, creationInfo: creation, name: input.tool },
  ];
  const roots: string[] = [];
  let relationship = 0;
  const relate = (from: string, type: string, to: string[]): void => {
    graph.push({
      type: 'Relationship',
      spdxId: id('relationship', String(++relationship)),
      creationInfo: creation,
      from,
      relationshipType: type,
      to,
    });
  };
  for (const { dataset, locked, files } of datasetsWithFiles(input)) {
    const pkg = id('dataset', dataset.name);
    roots.push(pkg);
    const personal = dataset.personalData;
    graph.push(
      Object.fromEntries(
        Object.entries({
          type: 'dataset_DatasetPackage',
          spdxId: pkg,
          creationInfo: creation,
          name: dataset.name,
          description: dataset.description,
          software_primaryPurpose: 'data',
          software_downloadLocation: dataset.sources[0]?.url,
          releaseTime: undefined,
          verifiedUsing: locked?.digest
            ? [{ type: 'Hash', algorithm: 'sha256', hashValue: locked.digest }]
            : undefined,
          dataset_datasetType: ['other'],
          dataset_dataCollectionProcess: dataset.collection?.method,
          dataset_intendedUse: dataset.intendedUses.length ? dataset.intendedUses.join('; ') : undefined,
          dataset_knownBias: dataset.biases.length ? dataset.biases : undefined,
          dataset_datasetSize: files.reduce((sum, file) => sum + file.size, 0),
          dataset_hasSensitivePersonalInformation: personal ? PERSONAL[personal.present] : undefined,
          dataset_dataPreprocessing: dataset.lineage?.transformation
            ? [dataset.lineage.transformation]
            : undefined,
        }).filter(([, v]) => v !== undefined),
      ),
    );
    const fileIds: string[] = [];
    for (const file of files) {
      if (!file.sha256) continue;
      const fileId = id('file', `${dataset.name}/${file.path}`);
      fileIds.push(fileId);
      graph.push({
        type: 'software_File',
        spdxId: fileId,
        creationInfo: creation,
        name: file.path,
        verifiedUsing: [{ type: 'Hash', algorithm: 'sha256', hashValue: file.sha256 }],
      });
    }
    if (fileIds.length > 0) relate(pkg, 'contains', fileIds);
    const parsed = dataset.license ? parseLicenseExpression(dataset.license) : undefined;
    if (parsed?.ok) {
      const licence = id('license', dataset.name);
      graph.push({
        type: 'simplelicensing_LicenseExpression',
        spdxId: licence,
        creationInfo: creation,
        simplelicensing_licenseExpression: parsed.expression,
      });
      relate(pkg, 'hasDeclaredLicense', [licence]);
    }
    const parents = dataset.lineage?.derivedFrom ?? [];
    if (parents.length > 0)
      relate(
        pkg,
        'descendantOf',
        parents.map((name) => id('dataset', name)),
      );
  }
  const document = id('document', 'provenance');
  graph.splice(3, 0, {
    type: 'SpdxDocument',
    spdxId: document,
    creationInfo: creation,
    profileConformance: ['core', 'software', 'dataset', 'simpleLicensing'],
    rootElement: roots,
    element: graph.filter((node) => typeof node.spdxId === 'string').map((node) => node.spdxId as string),
  });
  return { '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': graph };
}
