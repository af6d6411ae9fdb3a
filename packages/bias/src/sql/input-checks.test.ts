import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { InputError, createCatalog, defaultPolicy } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from '../checks/check-definitions.js';
import { runBiasAudit } from '../run-bias-audit.js';

const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
let dir = '';
const at = (name: string): string => join(dir, name);
const ROWS = ['f,1,0', 'm,0,1', 'f,0,0', 'm,1,1'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rai-input-checks-'));
  writeFileSync(at('dup.csv'), ['sex,Sex,label,pred', ...ROWS.map((r) => `x,${r}`)].join('\n'));
  writeFileSync(at('utf16.csv'), Buffer.from(`\uFEFF${['sex,label,pred', ...ROWS].join('\n')}\n`, 'utf16le'));
  const latin1 = Buffer.from(['sex,label,pred', 'f,1,0', 'm\xe9,0,1', 'f,0,1', 'm,1,1'].join('\n'), 'latin1');
  writeFileSync(at('latin1.csv'), latin1);
  writeFileSync(at('quote.csv'), ['sex,label,pred', 'f,1,0', '"male,0,1', 'm,1,1', 'f,0,0'].join('\n'));
  writeFileSync(
    at('long.csv'),
    ['sex,label,pred', 'f,1,0', `${'m'.repeat(3_000_000)},0,1`, 'f,0,0'].join('\n'),
  );
  writeFileSync(at('mixed-a.csv'), ['sex,label,pred', ...ROWS].join('\n'));
  // A value past DuckDB's sniffing sample (20,480 rows) that does not fit the sniffed type, in the second file.
  writeFileSync(
    at('mixed-b.csv'),
    ['sex,label,pred', ...Array<string>(30_000).fill('f,1,0'), 'm,0,x'].join('\n'),
  );
  writeFileSync(at('text.parquet'), 'sex,label,pred\nf,1,0\n');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT 'f' AS sex, 1 AS label, 0 AS pred FROM range(1000)) TO '${at('whole.parquet')}' (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const whole = readFileSync(at('whole.parquet'));
  writeFileSync(at('truncated.parquet'), whole.subarray(0, Math.floor(whole.length / 2)));
  copyFileSync(at('whole.parquet'), at('whole-copy.parquet'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function errorOf(file: string): Promise<InputError> {
  const run = runBiasAudit(
    { file, attributes: ['sex'], label: 'label', prediction: 'pred', bootstrap: 0 },
    policy,
  );
  const error = await run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('errors that name the cause of unreadable data', () => {
  it('a header that names a column twice (DuckDB would rename one)', async () => {
    const error = await errorOf(at('dup.csv'));
    expect(error.message).toBe(
      'cannot read the file as CSV: the header names the column "Sex" twice (columns 1 and 2)',
    );
    expect([error.file, error.location]).toEqual([at('dup.csv'), 'line 1']);
  });

  it('a UTF-16 file', async () => {
    const error = await errorOf(at('utf16.csv'));
    expect(error.message).toBe(
      'cannot read the file as CSV: it is not UTF-8 text but looks UTF-16 (or UTF-32) encoded',
    );
    expect(error.hint).toContain('iconv -f UTF-16 -t UTF-8');
  });

  it('invalid UTF-8, with the line that holds it', async () => {
    const error = await errorOf(at('latin1.csv'));
    expect(error.message).toBe(
      'cannot read the file as CSV: the file is not valid UTF-8 (an invalid byte sequence)',
    );
    expect(error.location).toBe('line 3');
  });

  it('a quote that never closes, instead of a group "male', async () => {
    const error = await errorOf(at('quote.csv'));
    expect(error.message).toBe('cannot read the file as CSV: Value with unterminated quote found');
    expect(error.hint).toContain('Close the quote');
    expect(error.location).toBe('line 3');
  });

  it('a line over DuckDB’s 2 MB limit, with DuckDB’s cause', async () => {
    const error = await errorOf(at('long.csv'));
    expect(error.message).toBe(
      'cannot read the file as CSV: Maximum line size of 2000000 bytes exceeded. Actual Size:3000005 bytes',
    );
  });

  it('the file of a glob that holds the bad row, not the glob', async () => {
    const error = await errorOf(at('mixed-*.csv'));
    expect(error.file).toBe(at('mixed-b.csv'));
    expect(error.location).toBe('line 30002');
  });

  it('a Parquet file cut short, and a file that is not Parquet at all', async () => {
    const truncated = await errorOf(at('truncated.parquet'));
    expect(truncated.message).toBe(
      'cannot read the file as Parquet: it is truncated or damaged (it begins as Parquet but has no footer)',
    );
    expect(truncated.file).toBe(at('truncated.parquet'));
    const text = await errorOf(at('text.parquet'));
    expect(text.message).toBe('cannot read the file as Parquet: it is not a Parquet file');
    expect(text.file).toBe(at('text.parquet'));
  });
});
