import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadTestSigner,
  makeTestImage,
  signTestAsset,
} from '../../packages/content-credentials/bench/signed-test-assets.mjs';
import { predictionCsv } from '../cli/run-cli.js';
import { SHARED_ABSENT, hasShared, readSharedJson, repoRoot } from '../shared-fixtures.js';
import { validSarifErrors } from './sarif-schema.js';
import { cliDir, installGlobally, outsideEnv, packCli, tarballEntries } from './install-tarball.js';

// What issue 9 asked for: `pnpm pack` of packages/cli gives one tarball that installs with npm and runs anywhere,
// with no workspace package and nothing from this repository. Needs `pnpm run build` (as `pnpm check` does first)
// and the npm registry for the tarball's dependencies (npm's cache makes the second run fast).
const version = (JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { version: string })
  .version;

describe(`the packed rai-audit ${version} tarball, installed with npm install -g`, () => {
  let tarball = '';
  let prefix = '';
  let work = '';
  const cleanup: string[] = [];

  beforeAll(() => {
    tarball = packCli();
    cleanup.push(dirname(tarball));
    prefix = installGlobally(tarball);
    cleanup.push(prefix);
    work = mkdtempSync(join(tmpdir(), 'rai-audit-user-'));
    cleanup.push(work);
  }, 600_000);

  afterAll(() => {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  const raiAudit = (args: string[]) =>
    spawnSync(join(prefix, 'bin', 'rai-audit'), args, {
      cwd: work,
      env: { ...outsideEnv(join(prefix, 'bin')), SOURCE_DATE_EPOCH: '1764331200', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('carries the executable, the whole bundle, README and LICENSE, and nothing else of dist/', () => {
    const entries = tarballEntries(tarball);
    expect(entries).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'bin/rai-audit.js']),
    );
    expect(entries).toEqual(expect.arrayContaining(['dist/bundle/main.js', 'dist/bundle/asset-worker.js']));
    expect(entries.some((entry) => /^dist\/bundle\/vega-engine-\w+\.js$/.test(entry))).toBe(true);
    const outsideBundle = entries.filter(
      (entry) =>
        !entry.startsWith('dist/bundle/') && !['LICENSE', 'README.md', 'package.json'].includes(entry),
    );
    expect(outsideBundle).toEqual(['bin/rai-audit.js']);
    expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/Apache License/);
  });

  it('installs without any workspace package, from its own files', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'rai-audit');
    expect(realpathSync(installed).startsWith(realpathSync(prefix))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@rai-audit/'))).toEqual([]);
    expect(Object.values(manifest.dependencies).filter((spec) => spec.startsWith('workspace:'))).toEqual([]);
    expect(existsSync(join(installed, 'node_modules', '@rai-audit'))).toBe(false);
  });

  it('prints its version', () => {
    const run = raiAudit(['--version']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('audits a small CSV for bias in an empty folder, with DuckDB and the charts', () => {
    // Selection rates 0.25 (female) and 0.5 (male): demographic parity ratio 0.5, below 0.8.
    writeFileSync(
      join(work, 'log.csv'),
      predictionCsv('sex', { female: [10, 10, 50, 10], male: [30, 10, 30, 10] }),
    );
    const run = raiAudit([
      'bias',
      'log.csv',
      '-a',
      'sex',
      '-l',
      'label',
      '-p',
      'prediction',
      '-f',
      'html,json,md',
    ]);
    expect(run.stderr).not.toMatch(/unexpected error|Cannot find|ERR_/);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/bias\.demographic-parity-ratio/);
    const audit = JSON.parse(readFileSync(join(work, 'reports', 'bias', 'audit.json'), 'utf8')) as {
      tool: { version: string };
      summary: { verdict: string };
      checks: Array<{ id: string; status: string }>;
    };
    expect(audit.tool.version).toBe(version);
    expect(audit.summary.verdict).toBe('fail');
    expect(audit.checks.find((check) => check.id === 'bias.demographic-parity-ratio')?.status).toBe('fail');
    const html = readFileSync(join(work, 'reports', 'bias', 'index.html'), 'utf8');
    expect(html.match(/<svg role="img"/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(work, 'reports', 'bias', 'summary.md'))).toBe(true);
  });

  it('verifies a folder of assets: C2PA in WebAssembly, XMP, pixels through sharp, in worker threads', async () => {
    const assets = join(work, 'assets');
    mkdirSync(assets);
    const image = await makeTestImage({ width: 512, height: 384 });
    writeFileSync(
      join(assets, 'signed.png'),
      await signTestAsset(image, { format: 'image/png', title: 'signed' }),
    );
    writeFileSync(join(assets, 'plain.png'), image);
    copyFileSync(loadTestSigner().rootPemFile, join(work, 'root-ca.pem'));
    // `**/` so that the rules match whichever folder globs are relative to.
    writeFileSync(
      join(work, 'policy.yaml'),
      "assets:\n  '**/signed.png': { c2pa: trusted, ai-declaration: required }\n  '**/plain.png': { c2pa: present }\n",
    );
    const run = raiAudit([
      ...['assets', 'verify', 'assets', '--policy', 'policy.yaml', '--trust', 'root-ca.pem'],
      ...['--at', '2026-06-01T00:00:00Z', '--workers', '2', '--format', 'json,md'],
    ]);
    expect(run.stderr).not.toMatch(/unexpected error|Cannot find|ERR_/);
    expect(run.status, run.stderr).toBe(1);
    const audit = JSON.parse(readFileSync(join(work, 'reports', 'assets', 'audit.json'), 'utf8')) as {
      sections: Array<{
        assets: Array<{ path: string; c2pa: { state?: string }; watermark: { status: string } }>;
      }>;
      checks: Array<{ id: string; status: string; subject: { file?: string } }>;
    };
    const byPath = Object.fromEntries(audit.sections[0]!.assets.map((asset) => [asset.path, asset]));
    expect(byPath['signed.png']?.c2pa.state).toBe('Trusted');
    expect(byPath['plain.png']?.c2pa.state).toBeUndefined();
    // "not found" means the pixels were decoded and searched; "skipped" or "error" would not.
    expect(byPath['signed.png']?.watermark.status).toBe('not found');
    const verdicts = audit.checks.map((check) => `${check.id} ${check.subject.file} ${check.status}`).sort();
    expect(verdicts).toEqual([
      'assets.ai-declaration assets/signed.png pass',
      'c2pa.manifest assets/plain.png fail',
      'c2pa.manifest assets/signed.png pass',
    ]);
  });

  // docs/ci.md's plain-shell recipe for `rai-audit run`, on the project's demo (rai-audit.yaml + fixtures/demo/).
  const demo = () => join(work, 'demo');
  it('runs the shell recipe of `rai-audit run` on the demo: exit code 1, Markdown summary, every format', () => {
    mkdirSync(join(demo(), 'fixtures', 'demo'), { recursive: true });
    mkdirSync(join(demo(), '.git'));
    copyFileSync(join(repoRoot, 'rai-audit.yaml'), join(demo(), 'rai-audit.yaml'));
    for (const file of ['predictions.csv', 'model-card.yaml', 'provenance.yaml', 'provenance.lock.json'])
      copyFileSync(join(repoRoot, 'fixtures', 'demo', file), join(demo(), 'fixtures', 'demo', file));
    const recipe = [
      'set +e',
      'rai-audit run --format html,json,junit,sarif,md --out rai-reports',
      'code=$?',
      'cat rai-reports/run/summary.md',
      'exit $code',
    ].join('\n');
    const run = spawnSync('sh', ['-c', recipe], {
      cwd: demo(),
      env: { ...outsideEnv(join(prefix, 'bin')), SOURCE_DATE_EPOCH: '1764331200', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/unexpected error|Cannot find|ERR_/);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('## ✖ rai-audit run: FAIL');
    expect(run.stdout).toContain('bias.demographic-parity-ratio');
    for (const file of ['index.html', 'audit.json', 'junit.xml', 'audit.sarif', 'summary.md', 'README.md'])
      expect(existsSync(join(demo(), 'rai-reports', 'run', file)), file).toBe(true);
  });

  it.skipIf(!hasShared('schemas', 'sarif', 'sarif-schema-2.1.0.json'))(
    `the demo run's SARIF is valid against the SARIF 2.1.0 schema ${hasShared('schemas', 'sarif') ? '' : SHARED_ABSENT}`,
    () => {
      const sarif = JSON.parse(
        readFileSync(join(demo(), 'rai-reports', 'run', 'audit.sarif'), 'utf8'),
      ) as unknown;
      const schema = readSharedJson('schemas', 'sarif', 'sarif-schema-2.1.0.json');
      expect(validSarifErrors(schema, sarif)).toEqual([]);
    },
  );
});
