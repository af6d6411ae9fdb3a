import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionCsv, runCli, tempDir } from './run-cli.js';

function log(): string {
  const dir = tempDir();
  const file = join(dir, 'log.csv');
  writeFileSync(file, predictionCsv('sex', { female: [4, 1, 4, 1], male: [4, 1, 4, 1] }));
  return file;
}

const base = (file: string): string[] => [
  'bias',
  file,
  '-a',
  'sex',
  '-l',
  'label',
  '-p',
  'prediction',
  '--format',
  'json',
];

describe('rai-audit --help', () => {
  it('shows examples of each command', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toMatch(/\$ rai-audit bias predictions\.csv -a sex,race -l label -p prediction/);
    expect(run.stdout).toMatch(/\$ rai-audit assets verify generated\//);
  });
});

describe('rai-audit bias flags', () => {
  it('shows examples of every kind of audit in --help', async () => {
    const run = await runCli(['bias', '--help']);
    expect(run.code).toBe(0);
    for (const example of [
      '--intersect sex,race',
      '--top-percent 10',
      '--expected-shares',
      '--emit-sql analytics.predictions',
      '--from-counts counts.parquet',
    ]) {
      expect(run.stdout).toContain(example);
    }
    expect(run.stdout).not.toContain('(default: [])');
  });

  it.each<[string[], RegExp]>([
    [['--tau', 'abc'], /--tau expects a number, got "abc"\. e\.g\. --tau 0\.8/],
    [['--tau', '1.5'], /--tau must be in \(0, 1\], got 1\.5/],
    [['--min-group-size', '2.5'], /--min-group-size expects a whole number, got "2\.5"/],
    [['--bootstrap', '-1'], /--bootstrap must be a whole number >= 0, got -1/],
    [['--seed', 'x'], /--seed expects a whole number/],
    [['--bins', 'age'], /cannot read --bins "age"\. Write it as --bins age=18,25,45,65/],
    [['--bins', 'sex=1,x'], /--bins sex= expects a number, got "x"/],
    [['--quantiles', 'sex=two'], /--quantiles sex= expects a whole number/],
    [['--intersect', 'sex'], /--intersect sex: an intersection needs two or more attributes/],
    [['--threshold', '0.5'], /--threshold needs a score column\. Add --score COLUMN/],
    [['--reference', 'sex'], /cannot read --reference sex/],
    [['--reference', 'min-metric:nope'], /unknown metric "nope"/],
    [['--missing', 'skip'], /argument 'skip' is invalid/],
    [['--expected-shares', 'sex'], /cannot read --expected-shares "sex"/],
    [['--thresholds', 'female=0.5'], /--thresholds needs a score column/],
    [['--from-counts', 'x.csv'], /--from-counts reads no data file/],
  ])('exits 2 on %j, naming the flag and the fix', async (extra, message) => {
    const run = await runCli([...base(log()), ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.each([['1e8'], ['1e12']])(
    'caps --bootstrap %s with a usage error, not an unexpected error',
    async (draws) => {
      const run = await runCli([...base(log()), '--bootstrap', draws]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--bootstrap must be at most 100,000 draws/);
      expect(run.stderr).not.toMatch(/unexpected error/);
    },
  );

  it.each<[string[], RegExp]>([
    [['--tau', '5'], /--tau must be in \(0, 1\]/],
    [['--level', '1.5'], /--level must be between 0 and 1/],
    [['--score-bins', '1'], /--score-bins must be a whole number from 2 to 10000/],
    [['--bootstrap', '1e9'], /--bootstrap must be at most/],
    [['--quantiles', 'sex=1'], /--quantiles sex=1 must ask for 2 to 100 buckets/],
  ])('checks %j before reading the data (the file does not exist)', async (extra, message) => {
    const missing = join(tempDir(), 'absent.csv');
    const run = await runCli([...base(missing), ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 without a data file', async () => {
    const run = await runCli(['bias', '-a', 'sex', '-l', 'label', '-p', 'prediction']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no data file given/);
  });
});
