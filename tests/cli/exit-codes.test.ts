import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

const ALL_FORMATS = 'html,json,junit,sarif,md';

function balancedLog(dir: string): string {
  const file = join(dir, 'balanced.csv');
  writeFileSync(file, predictionCsv('sex', { female: [40, 10, 40, 10], male: [42, 9, 39, 10] }));
  return file;
}

function skewedLog(dir: string): string {
  const file = join(dir, 'skewed.csv');
  // selection rates 0.2 (female) and 0.5 (male): demographic parity ratio 0.4
  writeFileSync(file, predictionCsv('sex', { female: [15, 5, 45, 35], male: [40, 10, 40, 10] }));
  return file;
}

describe('rai-audit bias exit codes', () => {
  it('exits 0 and writes every requested report when all checks pass', async () => {
    const dir = tempDir();
    const run = await runCli([
      'bias',
      balancedLog(dir),
      '-a',
      'sex',
      '-l',
      'label',
      '-p',
      'prediction',
      '--out',
      join(dir, 'out'),
      '--format',
      ALL_FORMATS,
    ]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'out', 'bias')).sort()).toEqual(
      ['audit.json', 'audit.sarif', 'index.html', 'junit.xml', 'summary.md'].sort(),
    );
    const result = JSON.parse(readFileSync(join(dir, 'out', 'bias', 'audit.json'), 'utf8'));
    expect(result.summary.verdict).toBe('pass');
    expect(run.stdout).toMatch(/PASS/);
  });

  it('exits 1 when an error-level threshold fails, after writing the reports that say why', async () => {
    const dir = tempDir();
    const run = await runCli([
      'bias',
      skewedLog(dir),
      '-a',
      'sex',
      '-l',
      'label',
      '-p',
      'prediction',
      '--out',
      join(dir, 'out'),
      '--format',
      ALL_FORMATS,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL/);
    expect(run.stdout).toMatch(/bias\.demographic-parity-ratio/);
    const result = JSON.parse(readFileSync(join(dir, 'out', 'bias', 'audit.json'), 'utf8'));
    const failed = result.checks.filter((c: { status: string }) => c.status === 'fail');
    expect(failed.map((c: { id: string }) => c.id)).toContain('bias.demographic-parity-ratio');
    expect(failed[0].actual).toBeCloseTo(0.4, 12);
    expect(readFileSync(join(dir, 'out', 'bias', 'junit.xml'), 'utf8')).toMatch(/<failure/);
  });

  it('exits 1 on warnings only with --fail-on warn', async () => {
    const dir = tempDir();
    const policy = join(dir, 'policy.yaml');
    writeFileSync(policy, 'checks:\n  bias.demographic-parity-ratio: [warn, { min: 0.8 }]\n');
    const args = ['bias', skewedLog(dir), '-a', 'sex', '-l', 'label', '-p', 'prediction', '--policy', policy];
    const warned = await runCli([...args, '--out', join(dir, 'a')]);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/PASS WITH WARNINGS/);
    expect((await runCli([...args, '--out', join(dir, 'b'), '--fail-on', 'warn'])).code).toBe(1);
  });

  it('exits 2 on usage errors: a missing option, an unknown format, an invalid policy', async () => {
    const dir = tempDir();
    const data = balancedLog(dir);
    const missing = await runCli(['bias', data, '-a', 'sex', '-p', 'prediction', '--out', join(dir, 'o1')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--label/);

    const format = await runCli([
      'bias',
      data,
      '-a',
      'sex',
      '-l',
      'label',
      '-p',
      'prediction',
      '--format',
      'htm',
    ]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/unknown report format "htm".*Did you mean "html"/s);

    const policy = join(dir, 'bad-policy.yaml');
    writeFileSync(policy, 'checks:\n  bias.demographic-parity-ratio: [error, { min: "high" }]\n');
    const invalid = await runCli([
      'bias',
      data,
      '-a',
      'sex',
      '-l',
      'label',
      '-p',
      'prediction',
      '--policy',
      policy,
      '--out',
      join(dir, 'o2'),
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`${policy}:2:`);
    expect(invalid.stderr).toContain('checks["bias.demographic-parity-ratio"][1].min');
    expect(invalid.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
    expect(existsSync(join(dir, 'o2'))).toBe(false);

    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  it('exits 0 for --help and --version, and the help has examples', async () => {
    const help = await runCli(['bias', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
    expect(help.stdout).toMatch(/--positive-label/);
    expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 3 on input errors, naming the file and the fix, and writes no report', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const absent = await runCli([
      'bias',
      join(dir, 'nope.csv'),
      '-a',
      'sex',
      '-l',
      'label',
      '-p',
      'prediction',
      '--out',
      out,
    ]);
    expect(absent.code).toBe(3);
    expect(absent.stderr).toContain('nope.csv');

    const data = balancedLog(dir);
    const column = await runCli([
      'bias',
      data,
      '-a',
      'rase',
      '-l',
      'label',
      '-p',
      'prediction',
      '--out',
      out,
    ]);
    expect(column.code).toBe(3);
    expect(column.stderr).toMatch(/rase/);
    expect(column.stderr).toMatch(/id, sex, label, prediction|sex/);

    const threeValued = join(dir, 'three.csv');
    writeFileSync(threeValued, 'sex,label,prediction\nf,0,1\nm,1,0\nf,2,1\n');
    const labels = await runCli([
      'bias',
      threeValued,
      '-a',
      'sex',
      '-l',
      'label',
      '-p',
      'prediction',
      '--out',
      out,
    ]);
    expect(labels.code).toBe(3);
    expect(labels.stderr).toMatch(/label/);
    expect(labels.stderr).toMatch(/2/);

    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(
      (await runCli(['bias', empty, '-a', 'sex', '-l', 'label', '-p', 'prediction', '--out', out])).code,
    ).toBe(3);

    for (const run of [absent, column, labels]) expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
