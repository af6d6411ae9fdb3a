import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditResultSchema } from '../../packages/core/src/index.js';
import { repoRoot } from '../shared-fixtures.js';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

/** A repository with a prediction log (female selected far less often) and a rai-audit.yaml. */
function repoWithConfig(config: string): string {
  const dir = tempDir('rai-audit-run-');
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(
    join(dir, 'data', 'preds.csv'),
    predictionCsv('sex', { female: [10, 5, 70, 15], male: [40, 20, 30, 10] }),
  );
  writeFileSync(join(dir, 'rai-audit.yaml'), config);
  return dir;
}

const BIAS_BLOCK = [
  'bias:',
  '  data: data/preds.csv',
  '  attributes: [sex]',
  '  label: label',
  '  prediction: prediction',
];

function readResult(dir: string) {
  return AuditResultSchema.parse(JSON.parse(readFileSync(join(dir, 'reports', 'run', 'audit.json'), 'utf8')));
}

describe('rai-audit run', () => {
  it('finds rai-audit.yaml from a subfolder, runs the bias block and writes one report set in reports/run/', async () => {
    const dir = repoWithConfig(BIAS_BLOCK.join('\n'));
    mkdirSync(join(dir, 'sub'));
    const run = await runCli(
      ['run', '--out', join(dir, 'reports'), '--format', 'html,json,md'],
      {},
      join(dir, 'sub'),
    );
    expect(run.stderr).toContain('[bias]');
    expect(run.code).toBe(1);
    const result = readResult(dir);
    expect(result.command).toBe('run');
    expect(result.sections.map((section) => section.kind)).toEqual(['bias']);
    expect(result.inputs.map((input) => [input.role, input.path.endsWith('preds.csv')])).toContainEqual([
      'data',
      true,
    ]);
    expect(result.policy.path).toMatch(/rai-audit\.yaml$/);
    expect(existsSync(join(dir, 'reports', 'run', 'index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'reports', 'run', 'summary.md'), 'utf8')).toContain('rai-audit run: FAIL');
  });

  it('a waived failure is reported as waived and no longer fails the run', async () => {
    const dir = repoWithConfig(
      [
        ...BIAS_BLOCK,
        'policy:',
        '  checks: { bias.demographic-parity-ratio: [error, { min: 0.8 }] }',
        '  waivers:',
        '    - check: bias.demographic-parity-ratio',
        '      reason: retraining with balanced data is scheduled',
        '      owner: ml-team',
        '      expires: 2099-12-31',
      ].join('\n'),
    );
    const run = await runCli(
      ['run', '--out', join(dir, 'reports'), '--format', 'json,junit,sarif,md'],
      {},
      dir,
    );
    const result = readResult(dir);
    const waived = result.checks.filter((check) => check.status === 'waived');
    expect(waived.length).toBeGreaterThan(0);
    expect(waived[0]?.waiver).toMatchObject({ owner: 'ml-team', expires: '2099-12-31', status: 'fail' });
    expect(
      result.checks.some((check) => check.id === 'bias.demographic-parity-ratio' && check.status === 'fail'),
    ).toBe(false);
    const reports = join(dir, 'reports', 'run');
    expect(readFileSync(join(reports, 'summary.md'), 'utf8')).toContain('### Waived checks');
    expect(readFileSync(join(reports, 'junit.xml'), 'utf8')).toContain(
      '<skipped message="waived until 2099-12-31 by ml-team',
    );
    const sarif = JSON.parse(readFileSync(join(reports, 'audit.sarif'), 'utf8')) as {
      runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ status: string }> }> }>;
    };
    const suppressed = sarif.runs[0]!.results.filter((r) => r.ruleId === 'bias.demographic-parity-ratio');
    expect(suppressed[0]?.suppressions?.[0]?.status).toBe('accepted');
    expect(run.code).toBe(0);
    expect(result.summary.verdict).not.toBe('fail');
  });

  it('an expired waiver is itself a failing check and does not waive', async () => {
    const dir = repoWithConfig(
      [
        ...BIAS_BLOCK,
        'policy:',
        '  waivers:',
        '    - { check: bias.demographic-parity-ratio, reason: old, owner: ml-team, expires: 2020-01-31 }',
      ].join('\n'),
    );
    const run = await runCli(['run', '--out', join(dir, 'reports'), '--format', 'json'], {}, dir);
    expect(run.code).toBe(1);
    const result = readResult(dir);
    const expired = result.checks.find((check) => check.id === 'policy.waiver-expired');
    expect(expired).toMatchObject({ status: 'fail', area: 'bias' });
    expect(expired?.message).toContain('expired on 2020-01-31');
    expect(result.checks.filter((check) => check.status === 'waived')).toEqual([]);
    expect(run.stdout).toContain('policy.waiver-expired');
  });

  it('a data block whose ledger is missing ends the run with an input error naming it', async () => {
    const dir = repoWithConfig([...BIAS_BLOCK, 'data:', '  ledger: provenance.yaml'].join('\n'));
    const run = await runCli(['run', '--out', join(dir, 'reports'), '--format', 'json'], {}, dir);
    expect(run.code).toBeGreaterThanOrEqual(2);
    expect(run.stderr).toContain('provenance.yaml');
    expect(existsSync(join(dir, 'reports', 'run', 'audit.json'))).toBe(false);
  });

  it('configuration mistakes exit 2 naming the file, key and line; no config at all says how to make one', async () => {
    const dir = repoWithConfig([...BIAS_BLOCK, '  minGroupSise: 30'].join('\n'));
    const bad = await runCli(['run', '--out', join(dir, 'reports')], {}, dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rai-audit.yaml:2:3: bias: Unrecognized key: "minGroupSise"');
    const empty = tempDir('rai-audit-run-empty-');
    mkdirSync(join(empty, '.git'));
    const none = await runCli(['run'], {}, empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('rai-audit init');
    const only = await runCli(['run', '--only', 'biass', '--out', join(dir, 'reports')], {}, dir);
    expect(only.stderr).toContain('Did you mean "bias"');
  });

  it('runs the demo config of the repository', async () => {
    const out = tempDir();
    const run = await runCli([
      'run',
      '--config',
      join(repoRoot, 'rai-audit.yaml'),
      '--out',
      out,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    const result = AuditResultSchema.parse(JSON.parse(readFileSync(join(out, 'run', 'audit.json'), 'utf8')));
    expect(result.summary.verdict).toBe('fail');
    expect(result.sections.map((section) => section.kind)).toEqual(['bias', 'data-provenance', 'model-card']);
    // The card is built from this run's bias result: its metrics cannot be stale.
    expect(
      result.checks.filter((check) => check.id === 'card.stale-metrics' && check.status !== 'pass'),
    ).toEqual([]);
    for (const file of ['README.md', 'bom.cdx.json', 'model-card.html'])
      expect(existsSync(join(out, 'run', file))).toBe(true);
  });
});
