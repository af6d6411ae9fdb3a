import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDbSource } from '@rai-audit/bias';
import { describe, expect, it } from 'vitest';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

const flags = [
  '-a',
  'sex,race',
  '--intersect',
  'sex,race',
  '-l',
  'label',
  '-p',
  'prediction',
  '--bootstrap',
  '40',
  '--seed',
  '9',
];

/** The emitted query, run in DuckDB on the data (registered as the table `source`) as a warehouse would, saved as Parquet. */
async function runInWarehouse(sql: string, data: string, counts: string): Promise<void> {
  const warehouse = await DuckDbSource.open(data);
  try {
    await warehouse.query(`COPY (${sql.replace(/;\s*$/, '')}) TO '${counts}' (FORMAT parquet)`);
  } finally {
    warehouse.close();
  }
}

describe('rai-audit bias --emit-sql and --from-counts', () => {
  it('prints the query (exit 0, no report) and audits its result to the same numbers as the direct audit', async () => {
    const dir = tempDir();
    const data = join(dir, 'preds.csv');
    const base = predictionCsv('sex', { female: [30, 10, 40, 20], male: [45, 5, 35, 15] }).split('\n');
    // A race column on top of the sex groups: every third row is "b".
    const withRace = base.map((line, i) =>
      i === 0 ? `${line},race` : line === '' ? line : `${line},${i % 3 ? 'a' : 'b'}`,
    );
    writeFileSync(data, withRace.join('\n'));

    const emitted = await runCli(['bias', '--emit-sql', 'source', ...flags]);
    expect(emitted.code).toBe(0);
    expect(emitted.stdout).toMatch(/GROUP BY GROUPING SETS/);
    expect(emitted.stderr).toBe('');
    const counts = join(dir, 'counts.parquet');
    await runInWarehouse(emitted.stdout, data, counts);

    const direct = await runCli([
      'bias',
      data,
      ...flags,
      '--out',
      join(dir, 'direct'),
      '--format',
      'json',
      '--quiet',
    ]);
    const fromCounts = await runCli([
      'bias',
      '--from-counts',
      counts,
      ...flags,
      '--out',
      join(dir, 'counted'),
      '--format',
      'json',
      '--quiet',
    ]);
    expect(fromCounts.code).toBe(direct.code);
    const read = (folder: string) =>
      JSON.parse(readFileSync(join(dir, folder, 'bias', 'audit.json'), 'utf8'));
    const [a, b] = [read('direct'), read('counted')];
    expect(b.sections[0].groups).toEqual(a.sections[0].groups);
    expect(b.sections[0].summaries).toEqual(a.sections[0].summaries);
    expect(b.checks).toEqual(a.checks);
    expect(b.inputs[0]).toMatchObject({ role: 'counts' });
  });

  it('quotes attributes from the policy file and keeps them out of the comments; a backslash is exit 2', async () => {
    const dir = tempDir();
    const policy = join(dir, 'policy.yaml');
    writeFileSync(policy, 'bias:\n  attributes: ["sex\\n); DROP TABLE keep; --"]\n  label: label\n');
    const run = await runCli(['bias', '--emit-sql', 'source', '--policy', policy, '-p', 'prediction']);
    expect(run.code).toBe(0);
    const comments = run.stdout.split('\n').filter((line) => line.startsWith('--'));
    expect(comments.join('\n')).not.toMatch(/DROP|sex/);
    expect(run.stdout).toContain('"sex\n); DROP TABLE keep; --" AS g0');
    const slash = join(dir, 'slash.yaml');
    writeFileSync(slash, "bias:\n  attributes: ['sex\\']\n  label: label\n");
    const refused = await runCli(['bias', '--emit-sql', 'source', '--policy', slash, '-p', 'prediction']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the attribute "sex\\\\" holds a backslash/);
  });
});
