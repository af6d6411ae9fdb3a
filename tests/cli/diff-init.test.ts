import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

async function biasRun(
  dir: string,
  name: string,
  groups: Parameters<typeof predictionCsv>[1],
): Promise<string> {
  writeFileSync(join(dir, `${name}.csv`), predictionCsv('sex', groups));
  const out = join(dir, name);
  await runCli([
    'bias',
    join(dir, `${name}.csv`),
    '-a',
    'sex',
    '-l',
    'label',
    '-p',
    'prediction',
    '--out',
    out,
    '--format',
    'json',
  ]);
  return join(out, 'bias', 'audit.json');
}

describe('rai-audit diff', () => {
  it('reports checks that started failing or passing and metrics beyond their old interval, as Markdown and JSON', async () => {
    const dir = tempDir('rai-audit-diff-');
    const fair = await biasRun(dir, 'old', { female: [40, 20, 30, 10], male: [40, 20, 30, 10] });
    const unfair = await biasRun(dir, 'new', { female: [10, 5, 70, 15], male: [40, 20, 30, 10] });
    const md = await runCli(['diff', fair, unfair]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## rai-audit diff: PASS → FAIL');
    expect(md.stdout).toContain('### ✖ Started failing');
    expect(md.stdout).toContain('`bias.demographic-parity-ratio`');
    expect(md.stdout).toContain('### ▲ Metrics outside their previous interval');
    const json = await runCli(['diff', fair, unfair, '--format', 'json', '--exit-code']);
    expect(json.code).toBe(1);
    const diff = JSON.parse(json.stdout) as {
      startedFailing: Array<{ id: string }>;
      movedMetrics: Array<{ group: string; metric: string; from: number; to: number }>;
    };
    expect(diff.startedFailing.map((c) => c.id)).toContain('bias.demographic-parity-ratio');
    expect(diff.movedMetrics).toContainEqual(
      expect.objectContaining({ group: 'female', metric: 'selection_rate', from: 0.6, to: 0.15 }),
    );
    const back = JSON.parse((await runCli(['diff', unfair, fair, '--format', 'json'])).stdout) as {
      startedPassing: Array<{ id: string }>;
    };
    expect(back.startedPassing.map((c) => c.id)).toContain('bias.demographic-parity-ratio');
  });

  it('refuses a file that is not an audit result, naming it (exit 3)', async () => {
    const dir = tempDir('rai-audit-diff-');
    writeFileSync(join(dir, 'x.json'), '{"schemaVersion": "9.0.0"}');
    const run = await runCli(['diff', join(dir, 'x.json'), join(dir, 'x.json')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('has result schema version "9.0.0"');
  });
});

describe('rai-audit init', () => {
  it('writes a config from the repository that run accepts, and never overwrites without --force', async () => {
    const dir = tempDir('rai-audit-init-');
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(
      join(dir, 'data', 'preds.csv'),
      predictionCsv('sex', { female: [10, 5, 70, 15], male: [40, 20, 30, 10] }),
    );
    mkdirSync(join(dir, 'generated'));
    writeFileSync(join(dir, 'generated', 'a.png'), 'not really a png');
    const init = await runCli(['init'], {}, dir);
    expect(init.code).toBe(0);
    const text = readFileSync(join(dir, 'rai-audit.yaml'), 'utf8');
    expect(text).toContain('data: data/preds.csv');
    expect(text).toContain('attributes: [sex]');
    expect(text).toContain('paths: [generated]');
    expect(text).toMatch(/# modelCard: no model-card\.yaml was found/);
    const again = await runCli(['init'], {}, dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    const run = await runCli(
      ['run', '--only', 'bias', '--out', join(dir, 'reports'), '--format', 'json'],
      {},
      dir,
    );
    expect(run.code).toBe(1);
    expect((await runCli(['init', '--force'], {}, dir)).code).toBe(0);
  });
});
