import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import ajvDraft07 from 'ajv';
import ajvFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasShared, sharedPath, SHARED_ABSENT } from '../../../../tests/shared-fixtures.js';
import { readVocabulary, validateCroissant } from '../../test/croissant-vocabulary.js';
import { tempTree } from '../../test/temp-tree.js';
import { loadLedger } from '../ledger/ledger-file.js';
import { readLock } from '../lock/lock-file.js';
import { addFiles } from '../record/add-files.js';
import { exportCroissant } from './croissant.js';
import { exportCycloneDx } from './cyclonedx.js';
import type { ExportInput } from './export-input.js';
import { exportSpdx } from './spdx.js';

const tool = 'rai-audit 0.1.0';
const LEDGER = `version: 1
datasets:
  - name: raw
    description: Loan applications as collected
    license: CC-BY-SA-4.0
    sources: [{ url: https://example.org/raw, creator: Example Bank, retrieved: 2024-03-01 }]
    collection: { method: online form, start: 2023-01, end: 2023-12 }
    personalData: { present: yes, categories: [age], sensitive: [ethnicity] }
    trainingPermission: { status: allowed, source: https://example.org/terms }
    biases: [urban applicants over-represented]
    limitations: [one country]
    intendedUses: [credit-risk research]
    usedFor: [training]
  - name: clean
    license: CC-BY-SA-4.0
    lineage: { derivedFrom: [raw], transformation: deduplicated, tool: pandas }
`;

let input: ExportInput;

beforeAll(async () => {
  const root = tempTree({
    'provenance.yaml': LEDGER,
    'raw/a.csv': 'a,b\n1,2\n',
    'raw/b.parquet': 'PAR1',
    'clean/c.csv': 'c\n',
  });
  const ledger = join(root, 'provenance.yaml');
  await addFiles({ ledger, dataset: 'raw', paths: ['raw'], cwd: root, generatedBy: tool });
  await addFiles({ ledger, dataset: 'clean', paths: ['clean'], cwd: root, generatedBy: tool });
  input = {
    ledger: loadLedger(ledger).ledger,
    lock: readLock(join(root, 'provenance.lock.json'), tool),
    createdAt: '2026-01-01T00:00:00.000Z',
    tool,
  };
});

const readJson = (...parts: string[]): Record<string, unknown> =>
  JSON.parse(readFileSync(sharedPath(...parts), 'utf8')) as Record<string, unknown>;

describe.skipIf(!hasShared('schemas', 'cyclonedx'))(
  `CycloneDX 1.6 export ${hasShared('schemas') ? '' : SHARED_ABSENT}`,
  () => {
    it('validates against bom-1.6.schema.json with its referenced schemas', () => {
      const Ajv = ajvDraft07.default;
      const ajv = new Ajv({ strict: false, allErrors: true });
      ajvFormats.default(ajv);
      ajv.addSchema(readJson('schemas', 'cyclonedx', 'spdx.schema.json'), 'spdx.schema.json');
      ajv.addSchema(readJson('schemas', 'cyclonedx', 'jsf-0.82.schema.json'), 'jsf-0.82.schema.json');
      const validate = ajv.compile(readJson('schemas', 'cyclonedx', 'bom-1.6.schema.json'));
      const bom = exportCycloneDx(input);
      expect(validate(bom), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const components = bom.components as Array<Record<string, unknown>>;
      expect(components.map((c) => c.name)).toEqual(['raw', 'clean']);
      expect(components[1]?.pedigree).toMatchObject({ ancestors: [{ name: 'raw' }] });
      expect(components[0]?.hashes).toEqual([{ alg: 'SHA-256', content: input.lock.datasets.raw?.digest }]);
    });
  },
);

describe.skipIf(!hasShared('schemas', 'spdx3'))(
  `SPDX 3.0.1 export ${hasShared('schemas') ? '' : SHARED_ABSENT}`,
  () => {
    it('validates against spdx-json-schema-3.0.1.json', () => {
      const ajv = new Ajv2020.default({ strict: false, allErrors: true });
      ajvFormats.default(ajv);
      const validate = ajv.compile(readJson('schemas', 'spdx3', 'spdx-json-schema-3.0.1.json'));
      const document = exportSpdx(input);
      expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const graph = document['@graph'] as Array<Record<string, unknown>>;
      expect(graph.filter((node) => node.type === 'dataset_DatasetPackage').map((n) => n.name)).toEqual([
        'raw',
        'clean',
      ]);
      expect(graph.some((n) => n.relationshipType === 'descendantOf')).toBe(true);
    });

    it('a document that breaks the schema is refused (the validation can fail)', () => {
      const ajv = new Ajv2020.default({ strict: false });
      const validate = ajv.compile(readJson('schemas', 'spdx3', 'spdx-json-schema-3.0.1.json'));
      const document = exportSpdx(input);
      (document['@graph'] as Array<Record<string, unknown>>)[0]!.specVersion = 42;
      expect(validate(document)).toBe(false);
    });
  },
);

describe.skipIf(!hasShared('schemas', 'croissant'))(
  `Croissant 1.1 export ${hasShared('schemas') ? '' : SHARED_ABSENT}`,
  () => {
    const vocabulary = () =>
      readVocabulary(
        sharedPath('schemas', 'croissant', 'croissant.ttl'),
        sharedPath('schemas', 'croissant', 'croissant_rai.ttl'),
      );

    it('passes the vocabulary validation, with RAI fields and a real sha256 per FileObject', () => {
      const doc = exportCroissant(input, 'raw');
      expect(validateCroissant(doc, vocabulary())).toEqual([]);
      expect(doc['rai:dataCollectionTimeframe']).toBe('2023-01/2023-12');
      const files = doc.distribution as Array<Record<string, unknown>>;
      expect(files.map((f) => f.sha256)).toEqual(
        Object.values(input.lock.datasets.raw?.files ?? {}).map((f) => f.sha256),
      );
    });

    it('the validation rejects unknown RAI terms and placeholder hashes', () => {
      const doc: Record<string, unknown> = { ...exportCroissant(input, 'raw'), 'rai:dataBiasez': ['x'] };
      (doc.distribution as Array<Record<string, unknown>>)[0]!.sha256 =
        'https://github.com/mlcommons/croissant/issues/80';
      expect(validateCroissant(doc, vocabulary())).toEqual([
        'rai:dataBiasez: rai:dataBiasez is not in the rai vocabulary',
        'distribution[0] has no real sha256 or md5',
      ]);
    });
  },
);
