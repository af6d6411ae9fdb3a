import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '@rai-audit/core';
import { tempTree } from '../../test/temp-tree.js';
import { addFiles } from '../record/add-files.js';
import { readLock } from '../lock/lock-file.js';
import { verifyDatasets } from './verify-datasets.js';

const tool = 'rai-audit test';

async function recorded(files: Record<string, string>) {
  const root = tempTree(files);
  const ledger = join(root, 'provenance.yaml');
  await addFiles({
    ledger,
    dataset: 'train',
    paths: ['data'],
    cwd: root,
    license: 'cc-by-4.0',
    generatedBy: tool,
  });
  return { root, ledger };
}

const driftOf = async (ledger: string, full = false) =>
  (await verifyDatasets({ ledger, full, generatedBy: tool })).datasets[0]?.drift;

describe('data add and verify', () => {
  it('records files relative to the ledger and verifies an unchanged tree from the cache', async () => {
    const { root, ledger } = await recorded({ 'data/a.csv': 'a', 'data/b/c.csv': 'c' });
    expect(readFileSync(ledger, 'utf8')).toContain('license: CC-BY-4.0');
    const lock = readLock(join(root, 'provenance.lock.json'), tool);
    expect(Object.keys(lock.datasets.train?.files ?? {})).toEqual(['data/a.csv', 'data/b/c.csv']);
    expect(await driftOf(ledger)).toMatchObject({ status: 'unchanged', fromCache: 2, hashed: 0 });
    expect(await driftOf(ledger, true)).toMatchObject({ status: 'unchanged', fromCache: 0, hashed: 2 });
  });

  it('trusts size and mtime unless --full: a same-size edit with its mtime restored is caught only by --full', async () => {
    const root = tempTree({ 'data/a.csv': 'aaaa' });
    const path = join(root, 'data/a.csv');
    const when = new Date('2020-01-01T00:00:00Z');
    utimesSync(path, when, when);
    const ledger = join(root, 'provenance.yaml');
    await addFiles({ ledger, dataset: 'train', paths: ['data'], cwd: root, generatedBy: tool });
    writeFileSync(path, 'bbbb');
    utimesSync(path, when, when);
    expect(await driftOf(ledger)).toMatchObject({ status: 'unchanged' });
    expect(await driftOf(ledger, true)).toMatchObject({ status: 'drifted', changed: ['data/a.csv'] });
  });

  it('reports changed, missing and new files', async () => {
    const { root, ledger } = await recorded({ 'data/a.csv': 'a', 'data/b.csv': 'b' });
    writeFileSync(join(root, 'data/a.csv'), 'changed');
    rmSync(join(root, 'data/b.csv'));
    writeFileSync(join(root, 'data/new.csv'), 'n');
    expect(await driftOf(ledger)).toMatchObject({
      status: 'drifted',
      changed: ['data/a.csv'],
      missing: ['data/b.csv'],
      added: ['data/new.csv'],
    });
  });

  it('refreshes the cache when only the mtime changed, and --update accepts the tree as it is', async () => {
    const { root, ledger } = await recorded({ 'data/a.csv': 'a' });
    utimesSync(join(root, 'data/a.csv'), new Date(2020, 1, 1), new Date(2020, 1, 1));
    const touched = await verifyDatasets({ ledger, generatedBy: tool });
    expect(touched.lockWritten).toBe(true);
    expect(touched.datasets[0]?.drift.status).toBe('unchanged');
    expect(await driftOf(ledger)).toMatchObject({ fromCache: 1, hashed: 0 });
    writeFileSync(join(root, 'data/z.csv'), 'z');
    await verifyDatasets({ ledger, update: true, generatedBy: tool });
    expect(await driftOf(ledger)).toMatchObject({ status: 'unchanged', fromCache: 2 });
  });

  it('detects a hand-edited lock with the fix, and leaves it as it was', async () => {
    const { root, ledger } = await recorded({ 'data/a.csv': 'a' });
    const lockPath = join(root, 'provenance.lock.json');
    const edited = readFileSync(lockPath, 'utf8').replace(/"size": 1/, '"size": 2');
    writeFileSync(lockPath, edited);
    const error = await verifyDatasets({ ledger, generatedBy: tool }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toMatch(/edited by hand.*verify --full --update/);
    expect(readFileSync(lockPath, 'utf8')).toBe(edited);
  });

  it('keeps the entries of both of two concurrent adds', async () => {
    const root = tempTree({ 'x/a.csv': 'a', 'y/b.csv': 'b' });
    const ledger = join(root, 'provenance.yaml');
    await Promise.all([
      addFiles({ ledger, dataset: 'x', paths: ['x'], cwd: root, generatedBy: tool }),
      addFiles({ ledger, dataset: 'y', paths: ['y'], cwd: root, generatedBy: tool }),
    ]);
    const lock = readLock(join(root, 'provenance.lock.json'), tool);
    expect(Object.keys(lock.datasets).sort()).toEqual(['x', 'y']);
    expect(readFileSync(ledger, 'utf8')).toMatch(/name: x[\s\S]*name: y|name: y[\s\S]*name: x/);
  });

  it('refuses a licence that is not SPDX, naming the closest id, before writing anything', async () => {
    const root = tempTree({ 'data/a.csv': 'a' });
    const ledger = join(root, 'provenance.yaml');
    const error = await addFiles({
      ledger,
      dataset: 't',
      paths: ['data'],
      cwd: root,
      license: 'Apachee-2.0',
      generatedBy: tool,
    }).catch((e: unknown) => e);
    expect((error as InputError).describe()).toMatch(/did you mean "Apache-2.0"/);
    expect(() => statSync(ledger)).toThrow();
    const badName = await addFiles({
      ledger,
      dataset: 'a<b>',
      paths: ['data'],
      cwd: root,
      generatedBy: tool,
    }).catch((e: unknown) => e);
    expect((badName as InputError).describe()).toContain('is not a dataset name');
    expect(() => statSync(ledger)).toThrow();
  });
});
