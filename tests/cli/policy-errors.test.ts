import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

function bias(dir: string, policy: string): ReturnType<typeof runCli> {
  const data = join(dir, 'log.csv');
  writeFileSync(data, predictionCsv('sex', { f: [30, 20, 40, 10], m: [30, 20, 40, 10] }));
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, policy);
  return runCli([
    'bias',
    data,
    '-a',
    'sex',
    '-l',
    'label',
    '-p',
    'prediction',
    '--policy',
    file,
    '--out',
    join(dir, 'out'),
  ]);
}

describe('a hostile policy is a usage error naming the policy and the cause', () => {
  it('a YAML alias bomb ends with exit 2 naming the policy file, not "unexpected error"', async () => {
    const dir = tempDir();
    const levels = 'abcdefgh'.split('');
    const text = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...levels.slice(1).map((name, i) => `${name}: &${name} [${Array(9).fill(`*${levels[i]}`).join(', ')}]`),
      'checks: *h',
    ].join('\n');
    const run = await bias(dir, text);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/unexpected error/);
    expect(run.stderr).toContain(join(dir, 'policy.yaml'));
    expect(run.stderr).toMatch(/alias bomb/);
  });

  it('checks.__proto__ is reported with its line, not silently ignored', async () => {
    const run = await bias(tempDir(), 'checks:\n  __proto__: off\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/policy\.yaml:2:\d+: checks\.__proto__: the key "__proto__" is not allowed/);
  });

  it('a policy with seven type errors lists all seven', async () => {
    const run = await bias(
      tempDir(),
      [
        'failOn: 3',
        'trust: 5',
        'bias:',
        '  label: 6',
        'assets:',
        '  "*.png": { c2pa: maybe }',
        'extends: [7]',
        'checks:',
        '  bias.demographic-parity-ratio: [error, { min: "high" }]',
        '  bias.nope: warn',
      ].join('\n'),
    );
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((line) => /policy\.yaml:\d+:\d+: /.test(line));
    expect(lines.map((line) => /policy\.yaml:(\d+):/.exec(line)![1])).toEqual([
      '1',
      '2',
      '4',
      '6',
      '7',
      '9',
      '10',
    ]);
  });
});
