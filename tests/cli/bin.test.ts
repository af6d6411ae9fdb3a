import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadTestSigner,
  makeTestImage,
  signTestAsset,
} from '../../packages/content-credentials/bench/signed-test-assets.mjs';
import { repoRoot } from '../shared-fixtures.js';
import { predictionCsv, tempDir } from './run-cli.js';

const bin = join(repoRoot, 'packages', 'cli', 'bin', 'rai-audit.js');
// The published entry runs the bundle of the compiled dist/ (scripts/bundle-cli.mjs); `pnpm check` builds both
// before the tests. These tests are the ones that run the bundle, so each part that loads lazily is exercised:
// a command, the chart engine, the image worker threads.
describe('the rai-audit executable (built by pnpm build)', () => {
  it('has been built', () => {
    const bundle = join(repoRoot, 'packages', 'cli', 'dist', 'bundle', 'main.js');
    expect(existsSync(bundle), 'run `pnpm build` first').toBe(true);
  });

  it('prints the version of the rai-audit package', () => {
    const run = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    const ownPackage = JSON.parse(
      readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8'),
    ) as {
      version: string;
    };
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(ownPackage.version);
  });

  it('names the TypeScript sources in the stack trace of --debug', () => {
    const dir = tempDir();
    const data = join(dir, 'two-labels.csv');
    writeFileSync(data, 'sex,label\nf,a\nm,b\n');
    const run = spawnSync(process.execPath, [bin, 'bias', data, '-a', 'sex', '-l', 'label', '--debug'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/positive-label/);
    expect(run.stderr).toMatch(/at \S+ \(\S*packages\/bias\/src\/[\w-]+\.ts:\d+:\d+\)/);
  });

  it('writes an HTML report with its charts', () => {
    const dir = tempDir();
    const data = join(dir, 'log.csv');
    writeFileSync(data, predictionCsv('sex', { female: [30, 10, 40, 20], male: [40, 10, 40, 10] }));
    const out = join(dir, 'out');
    const run = spawnSync(
      process.execPath,
      [bin, 'bias', data, '-a', 'sex', '-l', 'label', '-p', 'prediction', '--out', out, '--format', 'html'],
      { encoding: 'utf8' },
    );
    expect(run.stderr).not.toMatch(/unexpected error/);
    const html = readFileSync(join(out, 'bias', 'index.html'), 'utf8');
    expect(html.match(/<svg role="img"/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });

  it('verifies assets in worker threads', async () => {
    const dir = tempDir();
    const assets = join(dir, 'generated');
    mkdirSync(assets);
    const image = await makeTestImage({ width: 160, height: 128 });
    writeFileSync(join(assets, 'a.png'), await signTestAsset(image, { format: 'image/png', title: 'a.png' }));
    writeFileSync(join(assets, 'b.png'), image);
    const out = join(dir, 'out');
    const run = spawnSync(
      process.execPath,
      [
        bin,
        'assets',
        'verify',
        assets,
        '--trust',
        loadTestSigner().rootPemFile,
        '--at',
        '2026-06-01T00:00:00Z',
        '--workers',
        '2',
        '--format',
        'json',
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).not.toMatch(/unexpected error/);
    const result = JSON.parse(readFileSync(join(out, 'assets', 'audit.json'), 'utf8')) as {
      sections: Array<{ assets: Array<{ path: string; c2pa: { state?: string; outcome: string } }> }>;
    };
    const byPath = Object.fromEntries(result.sections[0]!.assets.map((asset) => [asset.path, asset.c2pa]));
    expect(byPath['a.png']).toMatchObject({ outcome: 'manifest', state: 'Trusted' });
    expect(byPath['b.png']?.outcome).not.toBe('manifest');
  });

  it('prints help and exits 0', () => {
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: rai-audit/);
    expect(run.stdout).toMatch(/bias/);
  });

  it('sets the process exit code from the audit, after writing the report', () => {
    const dir = tempDir();
    const data = join(dir, 'log.csv');
    writeFileSync(data, predictionCsv('sex', { female: [15, 5, 45, 35], male: [40, 10, 40, 10] }));
    const out = join(dir, 'out');
    const run = spawnSync(
      process.execPath,
      [bin, 'bias', data, '-a', 'sex', '-l', 'label', '-p', 'prediction', '--out', out, '--no-color'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(join(out, 'bias', 'audit.json'), 'utf8')).summary.verdict).toBe('fail');
  });
});
