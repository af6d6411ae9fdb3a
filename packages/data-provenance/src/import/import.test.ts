import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath, SHARED_ABSENT } from '../../../../tests/shared-fixtures.js';
import { patternBytes, tempTree } from '../../test/temp-tree.js';
import { loadLedger } from '../ledger/ledger-file.js';
import { readLock } from '../lock/lock-file.js';
import { verifyDatasets } from '../verify/verify-datasets.js';
import { applyImport } from './apply-import.js';
import { importCroissant, licenseFromCroissant } from './croissant-import.js';
import { importDvc } from './dvc-import.js';
import { createHash } from 'node:crypto';

const tool = 'rai-audit test';
const examples = hasShared('schemas', 'croissant', 'examples')
  ? readdirSync(sharedPath('schemas', 'croissant', 'examples')).filter((f) => f.endsWith('.json'))
  : [];

describe.skipIf(examples.length === 0)(
  `Croissant examples ${hasShared('schemas') ? '' : SHARED_ABSENT}`,
  () => {
    it.each(examples)('%s imports into a valid ledger, its problems reported as findings', async (name) => {
      const json = JSON.parse(
        readFileSync(sharedPath('schemas', 'croissant', 'examples', name), 'utf8'),
      ) as unknown;
      const result = importCroissant(json, name);
      const root = tempTree();
      await applyImport(join(root, 'provenance.yaml'), result, tool);
      expect(loadLedger(join(root, 'provenance.yaml')).ledger.datasets).toHaveLength(1);
      expect(() => readLock(join(root, 'provenance.lock.json'), tool)).not.toThrow();
      if (name.includes('wildchat')) expect(result.findings.map((f) => f.code)).toContain('placeholder-hash');
      if (name === '1.0-recipes-minimal.json')
        expect(result.findings.map((f) => f.code)).toContain('missing-date');
    });

    it('reads licence URLs as SPDX ids', () => {
      expect(licenseFromCroissant('https://creativecommons.org/licenses/by/4.0/')).toBe('CC-BY-4.0');
      expect(licenseFromCroissant('https://spdx.org/licenses/Apache-2.0.html')).toBe('Apache-2.0');
      expect(licenseFromCroissant('https://example.org/our-terms')).toBeUndefined();
    });
  },
);

describe('Croissant import', () => {
  it('reports a missing licence and date, and checks an imported sha256 on the next verify', async () => {
    const data = patternBytes(1000);
    const root = tempTree({ 'd/x.csv': data });
    const sha = createHash('sha256').update(data).digest('hex');
    const doc = {
      name: 'x',
      distribution: [{ '@type': 'cr:FileObject', '@id': 'x', contentUrl: 'd/x.csv', sha256: sha }],
    };
    const result = importCroissant(doc, 'metadata.json');
    expect(result.findings.map((f) => f.code)).toEqual(['missing-license', 'missing-date']);
    await applyImport(join(root, 'provenance.yaml'), result, tool);
    const verified = await verifyDatasets({ ledger: join(root, 'provenance.yaml'), generatedBy: tool });
    expect(verified.datasets[0]?.drift).toMatchObject({ status: 'unchanged', upgraded: 1 });
    expect(readLock(join(root, 'provenance.lock.json'), tool).datasets.x?.files['d/x.csv']).toMatchObject({
      size: 1000,
      sha256: sha,
    });
  });
});

describe('DVC import', () => {
  it('keeps md5 from a .dvc file and re-hashes it to sha256 on the next verify; a wrong md5 is drift', async () => {
    const good = patternBytes(500, 2);
    const root = tempTree({ 'data/train.csv': good, 'data/test.csv': 'tampered' });
    const md5 = createHash('md5').update(good).digest('hex');
    const wrong = createHash('md5').update('original').digest('hex');
    const text = `outs:\n- md5: ${md5}\n  size: 500\n  path: train.csv\n- md5: ${wrong}\n  size: 8\n  path: test.csv\n`;
    writeFileSync(join(root, 'data', 'data.dvc'), text);
    const result = importDvc(text, 'data/data.dvc', 'data');
    expect(result.datasets[0]?.files['data/train.csv']).toMatchObject({ md5, sha256: null });
    await applyImport(join(root, 'provenance.yaml'), result, tool);
    const verified = await verifyDatasets({ ledger: join(root, 'provenance.yaml'), generatedBy: tool });
    expect(verified.datasets[0]?.drift).toMatchObject({
      status: 'drifted',
      changed: ['data/test.csv'],
      upgraded: 1,
    });
    const entry = readLock(join(root, 'provenance.lock.json'), tool).datasets.data?.files['data/train.csv'];
    expect(entry).toMatchObject({ md5, sha256: createHash('sha256').update(good).digest('hex') });
  });

  it('reads dvc.lock stages as datasets with their command as the transformation, and .dir outputs as pending', async () => {
    const root = tempTree({ 'features/a.parquet': 'a', 'features/b.parquet': 'b' });
    const text = `schema: '2.0'\nstages:\n  featurize:\n    cmd: python featurize.py\n    deps:\n    - path: data/raw.csv\n      md5: ${'1'.repeat(32)}\n    outs:\n    - path: features\n      md5: ${'2'.repeat(32)}.dir\n      nfiles: 2\n`;
    const result = importDvc(text, 'dvc.lock', '.');
    expect(result.datasets[0]?.dataset).toMatchObject({
      name: 'featurize',
      paths: ['features'],
      lineage: { transformation: 'python featurize.py (inputs: data/raw.csv)', tool: 'dvc' },
    });
    expect(result.findings.map((f) => f.code)).toEqual(['directory-pending']);
    await applyImport(join(root, 'provenance.yaml'), result, tool);
    const verified = await verifyDatasets({ ledger: join(root, 'provenance.yaml'), generatedBy: tool });
    expect(verified.datasets[0]?.drift).toMatchObject({ status: 'unchanged', upgraded: 2 });
    const locked = readLock(join(root, 'provenance.lock.json'), tool).datasets.featurize;
    expect(locked?.pending).toEqual([]);
    expect(Object.keys(locked?.files ?? {})).toEqual(['features/a.parquet', 'features/b.parquet']);
  });
});
