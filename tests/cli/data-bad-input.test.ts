import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

async function inDir(dir: string, args: string[]) {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await runCli(args);
  } finally {
    process.chdir(previous);
  }
}

describe('rai-audit data: bad input', () => {
  it('a ledger with a YAML error: exit 3 with line and column, the ledger left as it was', async () => {
    const dir = tempDir();
    const text = 'version: 1\ndatasets:\n  - name: a\n    license: [MIT\n';
    writeFileSync(join(dir, 'provenance.yaml'), text);
    const run = await inDir(dir, ['data', 'verify']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/provenance\.yaml: \d+:\d+ \(syntax\)/);
    expect(readFileSync(join(dir, 'provenance.yaml'), 'utf8')).toBe(text);
  });

  it('a licence that is not SPDX: exit 2 for the flag, 3 in the ledger, with the closest id', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'a');
    const flag = await inDir(dir, ['data', 'add', 'a.csv', '--dataset', 'a', '--license', 'CC-BY-4']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('did you mean "CC-BY-4.0"');
    writeFileSync(join(dir, 'provenance.yaml'), 'version: 1\ndatasets:\n  - name: a\n    license: GPL-3.O\n');
    const ledger = await inDir(dir, ['data', 'licenses']);
    expect(ledger.code).toBe(3);
    expect(ledger.stderr).toMatch(/4:14 datasets\[0\]\.license.*did you mean "GPL-3\.0/);
  });

  it('a hand-edited lock: exit 3 naming the fix; --update rebuilds it; then verify passes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'a');
    expect((await inDir(dir, ['data', 'add', 'a.csv', '--dataset', 'a'])).code).toBe(0);
    const lockPath = join(dir, 'provenance.lock.json');
    writeFileSync(lockPath, readFileSync(lockPath, 'utf8').replace('"size": 1', '"size": 5'));
    const run = await inDir(dir, ['data', 'verify', '-q']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('edited by hand');
    expect(run.stderr).toContain('rai-audit data verify --full --update');
    expect((await inDir(dir, ['data', 'verify', '--full', '--update', '-q'])).code).toBe(0);
    expect((await inDir(dir, ['data', 'verify', '-q'])).code).toBe(0);
  });

  it('drift makes verify exit 1, and a licence conflict makes licenses exit 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), 'a');
    await inDir(dir, ['data', 'add', 'a.csv', '--dataset', 'a', '--license', 'CC-BY-NC-4.0']);
    writeFileSync(join(dir, 'a.csv'), 'b');
    expect((await inDir(dir, ['data', 'verify', '-q'])).code).toBe(1);
    const licenses = await inDir(dir, ['data', 'licenses', '--use', 'commercial', '--model-license', 'MIT']);
    expect(licenses.code).toBe(1);
    expect(licenses.stdout).toContain('does not allow commercial use');
  });
});
