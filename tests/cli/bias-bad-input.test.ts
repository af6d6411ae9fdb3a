import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

let dir = '';
const files: Record<string, string> = {
  'empty.csv': '',
  'header.csv': 'sex,label,prediction,score\n',
  'ragged.csv': 'sex,label,prediction,score\nf,1,1,0.5\nm,0\nf,1,0,0.2\n',
  'three.csv': 'sex,label,prediction,score\nf,0,1,0.1\nm,1,0,0.2\nf,2,0,0.3\n',
  'no-sex.csv': 'sex,label,prediction,score\n,1,1,0.1\n,0,0,0.2\n',
  'text-score.csv': 'sex,label,prediction,score\nf,1,1,0.5\nm,0,0,low\n',
  'empty.parquet': '',
  'strings.csv': 'sex,label,prediction,score\nf,good,bad,0.1\nm,bad,good,0.2\n',
};

beforeAll(() => {
  dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
});

describe('rai-audit bias on bad input: exit 3 with the file, the place and the fix', () => {
  it.each<[string, string[], RegExp]>([
    ['empty.csv', [], /empty\.csv: the file is empty \(0 bytes\)/],
    ['header.csv', [], /header\.csv: the file has no data rows/],
    [
      'ragged.csv',
      [],
      /ragged\.csv: line 3: cannot read the file as CSV: the row has 2 fields but the header has 4/,
    ],
    [
      'three.csv',
      [],
      /the label column "label" is not binary: found "0", "1", "2"\. A label or prediction must have two values/,
    ],
    ['no-sex.csv', [], /the attribute column "sex" has no values: all 2 rows are empty/],
    [
      'text-score.csv',
      ['--score', 'score'],
      /the score column "score" is not numeric: it is read as VARCHAR, e\.g\. "low"/,
    ],
    ['empty.parquet', [], /empty\.parquet: the file is empty \(0 bytes\)/],
    [
      'strings.csv',
      [],
      /cannot tell which value of the label column "label" is positive: found "bad", "good"\. Name the value that counts as positive, e\.g\. --positive-label bad/,
    ],
  ])('%s', async (name, extra, message) => {
    const run = await runCli([
      'bias',
      join(dir, name),
      '-a',
      'sex',
      '-l',
      'label',
      '-p',
      'prediction',
      '--format',
      'json',
      '--out',
      join(dir, 'out'),
      ...extra,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/unexpected error|NaN/);
  });
});
