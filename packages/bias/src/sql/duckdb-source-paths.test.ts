import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbSource } from './duckdb-source.js';
import { quoteLiteral } from './sql-text.js';

let dir = '';
const at = (name: string): string => join(dir, name);
// Names DuckDB would read as globs if they reached it unescaped; each part holds one row naming itself.
const PARTS = ['part1', 'part[1]', 'a*b', 'aXb', 'q?', 'qq', 'r[!x]', 'ry'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rai-glob-names-'));
  mkdirSync(at('parts'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const part of PARTS) {
      // COPY … TO writes the path as given (only readers expand globs).
      const target = quoteLiteral(at(`parts/${part}.parquet`));
      await connection.run(`COPY (SELECT ${quoteLiteral(part)} AS part) TO ${target} (FORMAT parquet)`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  writeFileSync(at('c[1].csv'), 'part\nbracketed\n');
  writeFileSync(at('c1.csv'), 'part\nplain\n');
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function partsRead(input: string | string[]): Promise<string[]> {
  const source = await DuckDbSource.open(input);
  try {
    const rows = await source.query('SELECT part FROM source ORDER BY part');
    return rows.map((row) => String(row.part));
  } finally {
    source.close();
  }
}

describe('file names with glob characters', () => {
  it('reads each Parquet part of a folder exactly once, whatever its name holds', async () => {
    await expect(partsRead(at('parts'))).resolves.toEqual([...PARTS].sort());
  });

  it('reads the one file named, for a list of files and a single CSV', async () => {
    await expect(partsRead([at('parts/part[1].parquet'), at('parts/a*b.parquet')])).resolves.toEqual([
      'a*b',
      'part[1]',
    ]);
    await expect(partsRead(at('c[1].csv'))).resolves.toEqual(['bracketed']);
    await expect(partsRead(at('c1.csv'))).resolves.toEqual(['plain']);
  });
});
